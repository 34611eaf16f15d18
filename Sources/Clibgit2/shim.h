// The libgit2 headers Hearth uses: the public API plus the merge-driver and transport
// extension points under git2/sys (architecture.md, "A custom merge driver can be registered").
#ifndef HEARTH_CLIBGIT2_SHIM_H
#define HEARTH_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/merge.h>
#endif

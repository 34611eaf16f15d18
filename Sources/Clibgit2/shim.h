// The libgit2 headers Hearth uses: the public API plus the merge-driver, commit-graph and transport
// extension points under git2/sys (architecture.md, "A custom merge driver can be registered").
#ifndef HEARTH_CLIBGIT2_SHIM_H
#define HEARTH_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/merge.h>
#include <git2/sys/commit_graph.h>
#include <git2/sys/repository.h>

/// git_libgit2_opts is variadic, which Swift cannot call; this names the one option GitKit sets.
static inline int hearth_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

/// The same for GIT_OPT_SET_CACHE_OBJECT_LIMIT: the largest object of a type libgit2 keeps in
/// its object cache.
static inline int hearth_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}

/// The same for GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION: whether every object read is hashed again
/// and compared with its id.
static inline int hearth_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
#endif

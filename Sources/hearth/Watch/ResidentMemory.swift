import Foundation

/// How much memory this process holds in RAM, for the watcher's restart rule.
///
/// libgit2 1.5.1 (Debian's) leaks a pcre2 match block for every config entry a remote lookup
/// looks through (`git_regexp_match` frees it only on a match; fixed upstream by libgit2
/// pull request 6382, in 1.6): about 0.1 MB per lookup, 0.5 MB per sync. A one-shot
/// `hearth sync` never notices; a watcher syncing every minute would grow by hundreds of
/// megabytes a day, so it restarts itself once it has grown too much (`NotebookWatcher`).
///
/// ``current()`` asks the kernel: ResidentMemory+Linux.swift and ResidentMemory+Darwin.swift.
enum ResidentMemory {}

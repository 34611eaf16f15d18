internal import GitKit

extension Syncer {
    /// Those of `paths` (relative to the root, `/`-separated) that no sync sends: git's ignore
    /// rules (`.gitignore` files, `.git/info/exclude`, `core.excludesFile`) exclude them and the
    /// branch's last commit does not hold them (a committed file syncs whatever the rules say).
    /// Best effort, for a warning: a path that cannot be checked counts as one that syncs.
    public func ignoredPaths(among paths: [String]) -> [String] {
        let tracked = Set((try? repository.headCommitID().map { try repository.treeFiles(commit: $0).map(\.path) }) ?? [])
        return paths.filter { !tracked.contains($0) && (try? repository.isIgnored(path: $0)) == true }
    }
}

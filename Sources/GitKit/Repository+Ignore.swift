internal import Clibgit2

extension Repository {
    /// Whether git's ignore rules (`.gitignore` files, `.git/info/exclude`, `core.excludesFile`)
    /// ignore `path`, relative to the work tree and `/`-separated; a file below an ignored folder
    /// is ignored. Says nothing about whether the file is tracked.
    ///
    /// Calls `git_ignore_path_is_ignored`.
    public func isIgnored(path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try GitError.check(git_ignore_path_is_ignored(&ignored, pointer, path), operation: "check ignore rules for \(path)")
        return ignored != 0
    }
}

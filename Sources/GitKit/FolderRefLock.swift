/// A branch lock file that this process took in a folder remote (`refs/heads/main.lock` in a
/// bare repository on this machine, a USB stick or a shared folder), as a push there reports it
/// through ``NetworkOptions/folderLockTaken`` while holding it.
///
/// A process killed while holding such a lock leaves it behind, and every later push to that
/// remote, from any device, fails until it is removed. Git never removes another process's lock
/// because it cannot tell a dead writer from a live one; whoever records what it took (the file's
/// identity once written, and who it is) can later prove that a lock is its own and its writer
/// dead, and remove that one only.
public struct FolderRefLock: Sendable, Equatable {
    /// The lock file's absolute path.
    public var path: String
    /// The remote repository's folder (its git directory): where the lock is, once it is
    /// reachable, tells a lock that is gone from a remote that is not there (unmounted).
    public var gitDirectory: String
    /// Its stat data once its contents were written (device, inode and status change time tell
    /// this file from another created later at the same path; times and size tell a rewrite).
    public var stat: FileStat
    /// What it holds: the commit the branch is being moved to, without the newline.
    public var value: String

    /// A lock from its fields.
    public init(path: String, gitDirectory: String, stat: FileStat, value: String) {
        self.path = path
        self.gitDirectory = gitDirectory
        self.stat = stat
        self.value = value
    }
}

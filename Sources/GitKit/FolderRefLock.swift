/// A branch lock file that this process takes in a folder remote (`refs/heads/main.lock` in a
/// bare repository on this machine, a USB stick or a shared folder), as a push there reports it
/// through ``NetworkOptions/folderLockTaking`` before taking it and
/// ``NetworkOptions/folderLockTaken`` while holding it.
///
/// A process killed while holding such a lock leaves it behind, and every later push to that
/// remote, from any device, fails until it is removed. Git never removes another process's lock
/// because it cannot tell a dead writer from a live one; whoever records what it is about to take
/// (and who it is) can later prove that a lock is its own and its writer dead, and remove that
/// one only.
///
/// The lock is written under a name of its own first (its `twin`, in the same folder, a name no
/// other push uses) and then linked to its real name, which fails if the lock is taken, as an
/// exclusive create does. The twin is removed only after the branch has moved, so as long as the
/// lock exists under its name the twin is another name of that very file: whoever recorded the
/// twin's name before creating it can prove the lock its own with no window in which a lock
/// exists that no record names. Where the file system has no hard links (FAT, exFAT, some
/// network shares) the lock is created under its name directly and identified by its stat data
/// once written (``isTwinned`` false).
public struct FolderRefLock: Sendable, Equatable {
    /// The lock file's absolute path.
    public var path: String
    /// The remote repository's folder (its git directory): where the lock is, once it is
    /// reachable, tells a lock that is gone from a remote that is not there (unmounted).
    public var gitDirectory: String
    /// A name in the lock's folder unique to this push (`main.hearth-taking-….lock`, which git
    /// neither reads as a reference nor reports): the lock is written under it and linked to its real name, and it
    /// stays another name of the lock file until the branch has moved. Where the file system has
    /// no hard links it is removed before the lock is taken (``isTwinned`` false).
    public var twin: String
    /// Whether the lock has its twin: false where the file system has no hard links.
    public var isTwinned: Bool
    /// Its stat data once its contents were written and it was linked under its name (device,
    /// inode and status change time tell this file from another created later at the same path;
    /// times and size tell a rewrite); nil before the file exists.
    public var stat: FileStat?
    /// What it holds: the commit the branch is being moved to, without the newline.
    public var value: String

    /// A lock from its fields.
    public init(path: String, gitDirectory: String, twin: String, isTwinned: Bool = true, stat: FileStat? = nil, value: String) {
        self.path = path
        self.gitDirectory = gitDirectory
        self.twin = twin
        self.isTwinned = isTwinned
        self.stat = stat
        self.value = value
    }
}

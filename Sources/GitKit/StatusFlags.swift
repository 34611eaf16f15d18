/// What differs for one path between HEAD, the index and the work tree (`git_status_t`).
public struct StatusFlags: OptionSet, Hashable, Sendable {
    /// The raw `GIT_STATUS_*` bits.
    public var rawValue: UInt32
    /// Wraps raw `git_status_t` bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `GIT_STATUS_INDEX_NEW`: added to the index, absent from HEAD.
    public static let indexNew = StatusFlags(rawValue: 1 << 0)
    /// `GIT_STATUS_INDEX_MODIFIED`: staged content differs from HEAD.
    public static let indexModified = StatusFlags(rawValue: 1 << 1)
    /// `GIT_STATUS_INDEX_DELETED`: removal is staged.
    public static let indexDeleted = StatusFlags(rawValue: 1 << 2)
    /// `GIT_STATUS_INDEX_RENAMED`: a rename from HEAD is staged.
    public static let indexRenamed = StatusFlags(rawValue: 1 << 3)
    /// `GIT_STATUS_INDEX_TYPECHANGE`: staged type change (e.g. file to symlink).
    public static let indexTypeChange = StatusFlags(rawValue: 1 << 4)
    /// `GIT_STATUS_WT_NEW`: untracked file.
    public static let workTreeNew = StatusFlags(rawValue: 1 << 7)
    /// `GIT_STATUS_WT_MODIFIED`: work tree differs from the index.
    public static let workTreeModified = StatusFlags(rawValue: 1 << 8)
    /// `GIT_STATUS_WT_DELETED`: tracked file missing from the work tree.
    public static let workTreeDeleted = StatusFlags(rawValue: 1 << 9)
    /// `GIT_STATUS_WT_TYPECHANGE`: type changed in the work tree.
    public static let workTreeTypeChange = StatusFlags(rawValue: 1 << 10)
    /// `GIT_STATUS_WT_RENAMED`: renamed in the work tree (only with rename detection there).
    public static let workTreeRenamed = StatusFlags(rawValue: 1 << 11)
    /// `GIT_STATUS_IGNORED`: matched by an ignore rule.
    public static let ignored = StatusFlags(rawValue: 1 << 14)
    /// `GIT_STATUS_CONFLICTED`: the index holds conflict stages for this path.
    public static let conflicted = StatusFlags(rawValue: 1 << 15)
}

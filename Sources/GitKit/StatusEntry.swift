/// One path whose state is not clean (`git_status_entry`).
public struct StatusEntry: Sendable, Hashable {
    /// The path relative to the work tree root, with `/` separators.
    public var path: String
    /// For a staged rename, the path in HEAD; otherwise nil.
    public var oldPath: String?
    /// How the path differs.
    public var flags: StatusFlags

    /// Creates an entry; GitKit builds these with `Repository.status(includeIgnored:)`.
    public init(path: String, oldPath: String? = nil, flags: StatusFlags) {
        self.path = path
        self.oldPath = oldPath
        self.flags = flags
    }
}

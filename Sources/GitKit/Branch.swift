/// A local or remote-tracking branch and the commit it points at.
public struct Branch: Sendable, Hashable {
    /// The short name, e.g. "main" or "origin/main" (`git_branch_name`).
    public var name: String
    /// The full reference name, e.g. "refs/heads/main".
    public var fullName: String
    /// The commit the branch resolves to.
    public var target: ObjectID
    /// Whether this is a remote-tracking branch under `refs/remotes/`.
    public var isRemote: Bool

    /// Creates a branch value; GitKit builds these with `Repository.branches(remote:)`.
    public init(name: String, fullName: String, target: ObjectID, isRemote: Bool) {
        self.name = name
        self.fullName = fullName
        self.target = target
        self.isRemote = isRemote
    }
}

/// A commit's metadata, copied out of libgit2 (`git_commit`).
public struct Commit: Sendable, Hashable {
    /// The commit's own id.
    public var id: ObjectID
    /// The root tree the commit records.
    public var treeID: ObjectID
    /// Parent commits, first parent first; empty for a root commit.
    public var parentIDs: [ObjectID]
    /// The full message, as `git_commit_message` returns it (leading newlines stripped).
    public var message: String
    /// The first paragraph of the message joined into one line (`git_commit_summary`).
    public var summary: String
    /// Who wrote the change.
    public var author: Signature
    /// Who recorded the commit.
    public var committer: Signature

    /// Creates a commit value; GitKit builds these with `Repository.commit(_:)`.
    public init(
        id: ObjectID, treeID: ObjectID, parentIDs: [ObjectID], message: String, summary: String,
        author: Signature, committer: Signature
    ) {
        self.id = id
        self.treeID = treeID
        self.parentIDs = parentIDs
        self.message = message
        self.summary = summary
        self.author = author
        self.committer = committer
    }
}

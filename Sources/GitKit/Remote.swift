/// A configured remote: its name and the URLs fetches and pushes go to (`git_remote`).
public struct Remote: Sendable, Hashable {
    /// The remote's name, e.g. "origin".
    public var name: String
    /// The fetch URL as configured (`remote.<name>.url`): a path, file://, ssh:// or https:// URL,
    /// or scp-like `user@host:path`.
    public var url: String
    /// The push URL when one is configured (`remote.<name>.pushurl`, or `url` rewritten by a
    /// `url.<base>.pushInsteadOf`); nil when pushes go to ``url``.
    public var pushURL: String?

    /// The URL a push goes to: ``pushURL`` when set, else ``url``, as git and libgit2 choose it.
    public var pushDestination: String { pushURL ?? url }

    /// Creates a remote value; GitKit builds these with `Repository.remotes()`.
    public init(name: String, url: String, pushURL: String? = nil) {
        self.name = name
        self.url = url
        self.pushURL = pushURL
    }
}

/// A configured remote: its name and the URL fetches and pushes go to (`git_remote`).
public struct Remote: Sendable, Hashable {
    /// The remote's name, e.g. "origin".
    public var name: String
    /// The fetch URL as configured (`remote.<name>.url`): a path, file://, ssh:// or https:// URL,
    /// or scp-like `user@host:path`.
    public var url: String

    /// Creates a remote value; GitKit builds these with `Repository.remotes()`.
    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

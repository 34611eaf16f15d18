/// A `known_hosts` file that could not be read or added to.
public struct KnownHostsError: Error, CustomStringConvertible, Sendable {
    /// The file, as the user would type it (`~/.ssh/known_hosts`).
    public var path: String
    /// What was being done ("read", "add the host key to").
    public var operation: String
    /// Why it failed, from the operating system.
    public var reason: String

    /// Creates an error for `path`.
    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// "cannot read ~/.ssh/known_hosts: Permission denied".
    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

import Foundation

/// Runs /usr/bin/git with an isolated environment, so the machine's and the user's git
/// configuration cannot change what the tests see.
public struct GitCLI {
    /// What a finished git process produced.
    public typealias Output = ProcessResult

    /// A git invocation that failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The directory git runs in (`-C`).
    public var directory: URL
    /// The fake HOME, so the configuration of whoever runs the tests is ignored.
    public var home: URL

    /// A runner for `directory` with `home` as HOME.
    public init(directory: URL, home: URL) {
        self.directory = directory
        self.home = home
    }

    /// Runs git whatever its exit status.
    @discardableResult
    public func run(_ arguments: [String]) throws -> Output {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", directory.path(percentEncoded: false)] + arguments,
                              in: directory, environment: [
                                  "PATH": "/usr/bin:/bin",
                                  "HOME": home.path(percentEncoded: false),
                                  "GIT_CONFIG_NOSYSTEM": "1",
                                  "LC_ALL": "C",
                              ])
    }

    /// Runs git expecting success; stdout without its final newline.
    @discardableResult
    public func callAsFunction(_ arguments: String...) throws -> String {
        let output = try run(arguments)
        guard output.status == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)")
        }
        var text = output.stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Commits everything with a fixed identity, as a user would from the command line.
    public func commitAll(_ message: String) throws {
        try self("add", "-A")
        try self("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", message)
    }
}

import Foundation

/// Runs /usr/bin/git in a fixed directory with an isolated environment, so the machine's and
/// the user's git configuration cannot change what the tests see.
struct GitCLI {
    /// What a finished git process produced.
    struct Output {
        var status: Int32
        var stdout: String
        var stdoutData: Data
        var stderr: String
    }

    /// The directory git runs in (`-C`).
    var directory: URL
    /// The fake HOME, so ~/.gitconfig of whoever runs the tests is ignored.
    var home: URL

    /// Runs git and returns its output, whatever the exit status.
    @discardableResult
    func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", directory.path(percentEncoded: false)] + arguments
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": home.path(percentEncoded: false),
            "GIT_CONFIG_NOSYSTEM": "1",
            "LC_ALL": "C",
        ]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Outputs are small; reading stdout fully before waiting avoids a full-pipe stall.
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stdoutData: outData,
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// Runs git, expecting success, and returns stdout without the trailing newline.
    @discardableResult
    func callAsFunction(_ arguments: String...) throws -> String {
        let output = try run(arguments)
        guard output.status == 0 else {
            throw CLIError(description: "git \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)")
        }
        var text = output.stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// A failed git invocation.
    struct CLIError: Error, CustomStringConvertible {
        var description: String
    }
}

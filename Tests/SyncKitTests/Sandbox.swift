import Foundation

/// A temporary work area for one test: a folder for the notebook and a fake HOME for the git
/// CLI, removed when the body returns (even when it throws).
struct Sandbox {
    /// Where the notebook lives (created empty).
    var root: URL
    /// The git CLI's HOME.
    var home: URL

    static func with<R>(_ body: (Sandbox) throws -> R) throws -> R {
        let base = FileManager.default.temporaryDirectory
            .appending(path: "synckit-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        let sandbox = Sandbox(root: base.appending(path: "notebook", directoryHint: .isDirectory),
                              home: base.appending(path: "home", directoryHint: .isDirectory))
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sandbox.home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        return try body(sandbox)
    }

    /// Writes bytes at `path` under the root, creating folders.
    func write(_ path: String, _ data: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// The bytes at `path` under the root.
    func read(_ path: String) throws -> Data {
        try Data(contentsOf: root.appending(path: path))
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: path).path)
    }

    /// The git CLI running in the notebook root.
    var git: GitCLI { GitCLI(directory: root, home: home) }
}

/// Runs /usr/bin/git with an isolated configuration.
struct GitCLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stdoutData: Data
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var directory: URL
    var home: URL

    /// Runs git whatever its exit status.
    @discardableResult
    func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", directory.path(percentEncoded: false)] + arguments
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
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr concurrently so neither pipe can fill up and stall git.
        let errorBox = DataBox()
        let errorHandle = stderr.fileHandleForReading
        let done = DispatchSemaphore(value: 0)
        Thread {
            errorBox.data = errorHandle.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stdoutData: outData, stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    /// Runs git expecting success; stdout without its final newline.
    @discardableResult
    func callAsFunction(_ arguments: String...) throws -> String {
        let output = try run(arguments)
        guard output.status == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)")
        }
        var text = output.stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Commits everything with a fixed identity, as a user would from the command line.
    func commitAll(_ message: String) throws {
        try self("add", "-A")
        try self("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", message)
    }
}

final class DataBox: @unchecked Sendable {
    var data = Data()
}

import Foundation

/// A temporary work area for one test: a folder for the notebook and a fake HOME for the git
/// CLI, removed when the body returns (even when it throws).
public struct Sandbox {
    /// Where the notebook lives (created empty).
    public var root: URL
    /// The git CLI's HOME.
    public var home: URL

    /// Runs `body` with a fresh sandbox.
    public static func with<R>(_ body: (Sandbox) throws -> R) throws -> R {
        let base = FileManager.default.temporaryDirectory
            .appending(path: "hearth-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        let sandbox = Sandbox(root: base.appending(path: "notebook", directoryHint: .isDirectory),
                              home: base.appending(path: "home", directoryHint: .isDirectory))
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sandbox.home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        return try body(sandbox)
    }

    /// Writes bytes at `path` under the root, creating folders.
    public func write(_ path: String, _ data: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Writes `text` as UTF-8 at `path` under the root, creating folders.
    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// The bytes at `path` under the root.
    public func read(_ path: String) throws -> Data {
        try Data(contentsOf: root.appending(path: path))
    }

    /// Whether anything is at `path` under the root.
    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: path).path)
    }

    /// The git CLI running in the notebook root.
    public var git: GitCLI { GitCLI(directory: root, home: home) }
}

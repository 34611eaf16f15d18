import Foundation
import TestSupport

/// A temporary folder for one test, outside any git work tree or notebook: a folder for the
/// notebook and a fake HOME for the git CLI, removed when the body returns (even when it throws).
struct Sandbox {
    /// Where the notebook lives (created empty).
    var root: URL
    /// The git CLI's HOME.
    var home: URL

    static func with<R>(_ body: (Sandbox) throws -> R) throws -> R {
        let base = FileManager.default.temporaryDirectory
            .appending(path: "notekit-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        let sandbox = Sandbox(root: base.appending(path: "notebook", directoryHint: .isDirectory),
                              home: base.appending(path: "home", directoryHint: .isDirectory))
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sandbox.home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        return try body(sandbox)
    }

    /// Writes `text` at `path` under the root, creating folders.
    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The git CLI running in the notebook root (the tests make repositories with it; NoteKit
    /// itself never reads git).
    var git: GitCLI { GitCLI(directory: root, home: home) }
}

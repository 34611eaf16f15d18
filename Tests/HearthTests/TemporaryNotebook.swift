import Foundation
import TestSupport
import Testing

/// A fresh temporary folder for one test: a private HOME, a notebook folder `nb` (not created
/// until a test writes to it or runs `hearth init`; a notebook once it holds hearth.yaml), and
/// helpers to run `hearth` and `git` there.
/// The folder is removed when the value goes away.
final class TemporaryNotebook {
    /// The test's private folder, holding `home/`, `nb/` and anything "outside the notebook".
    let base: URL
    /// The notebook root, `base/nb`.
    let root: URL
    /// The HOME both hearth and git see, so nobody's real configuration leaks in.
    let home: URL
    /// The day `hearth` believes it is (`HEARTH_TODAY`).
    var today = "2026-11-22"

    /// Creates the folder; with `initialized`, also runs `hearth init nb --device laptop`.
    init(initialized: Bool = false) throws {
        let name = "hearth-e2e-" + UUID().uuidString
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        self.base = base.resolvingSymlinksInPath()
        self.root = self.base.appendingPathComponent("nb", isDirectory: true)
        self.home = self.base.appendingPathComponent("home", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        if initialized {
            let result = try hearth("init", "nb", "--device", "laptop", in: self.base)
            guard result.status == 0 else { throw SetupFailure(message: "hearth init failed: \(result)") }
        }
    }

    /// Writes a minimal `hearth.yaml` into `nb`, which makes it a notebook of plain files without a
    /// git repository (every command looks for hearth.yaml; `hearth init` would also commit).
    func writeSettings() throws {
        try write("hearth.yaml", "version: 1\n")
    }

    deinit {
        try? FileManager.default.removeItem(at: base)
    }

    /// The environment every child gets: no editor, no colour, no system git config.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path,
            "HEARTH_TODAY": today,
            "NO_COLOR": "1",
            "GIT_CONFIG_NOSYSTEM": "1",
            "LC_ALL": "C.UTF-8",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    // MARK: - Running programs

    /// Runs the built `hearth` with `arguments` in `directory` (default: the notebook root).
    @discardableResult
    func hearth(_ arguments: String..., in directory: URL? = nil, environment extra: [String: String] = [:],
                mergeOutput: Bool = false) throws -> ProcessResult {
        try hearth(arguments, in: directory, environment: extra, mergeOutput: mergeOutput)
    }

    /// Runs the built `hearth` with an argument array.
    @discardableResult
    func hearth(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:],
                mergeOutput: Bool = false) throws -> ProcessResult {
        let binary = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        let directory = directory ?? root
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try ProcessRunner.run(binary, arguments, in: directory, environment: environment(extra), mergeOutput: mergeOutput)
    }

    /// Runs `git` in the notebook root, with a committer identity for commands that need one.
    @discardableResult
    func git(_ arguments: String...) throws -> ProcessResult {
        try git(arguments, in: root)
    }

    /// Runs `git -C directory` (another device's clone, a remote) with the same identity.
    @discardableResult
    func git(in directory: URL, _ arguments: String...) throws -> ProcessResult {
        try git(["-C", directory.path] + arguments, in: base)
    }

    private func git(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        let identity = ["GIT_AUTHOR_NAME": "Tester", "GIT_AUTHOR_EMAIL": "tester@example.com",
                        "GIT_COMMITTER_NAME": "Tester", "GIT_COMMITTER_EMAIL": "tester@example.com"]
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory,
                                     environment: environment(identity))
    }

    // MARK: - Files

    /// The URL of a notebook-relative path.
    func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Writes bytes to a notebook-relative path, creating folders.
    func write(_ relativePath: String, bytes: [UInt8]) throws {
        try write(url(relativePath), bytes: bytes)
    }

    /// Writes UTF-8 text to a notebook-relative path, creating folders.
    func write(_ relativePath: String, _ text: String) throws {
        try write(url(relativePath), bytes: Array(text.utf8))
    }

    /// Writes bytes to any URL, creating folders.
    func write(_ url: URL, bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The bytes at a notebook-relative path.
    func bytes(_ relativePath: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(relativePath))) }

    /// The UTF-8 text at a notebook-relative path.
    func text(_ relativePath: String) throws -> String { String(decoding: try bytes(relativePath), as: UTF8.self) }

    /// Whether something (a file, folder or link) exists at a notebook-relative path.
    func exists(_ relativePath: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url(relativePath).path)) != nil
    }

    /// Every regular file under the notebook outside `.git`, relative, sorted, with its bytes.
    func snapshot() throws -> [String: [UInt8]] {
        try Self.files(under: root)
    }

    /// Every regular file under `root` (a notebook, another device's clone) outside `.git`, by
    /// relative path, with its bytes.
    static func files(under root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let next = enumerator?.nextObject() as? URL {
            let relative = String(next.path.dropFirst(root.path.count + 1))
            if relative == ".git" || relative.hasPrefix(".git/") { enumerator?.skipDescendants(); continue }
            if (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files[relative] = [UInt8](try Data(contentsOf: next))
            }
        }
        return files
    }
}

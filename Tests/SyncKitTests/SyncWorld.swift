import Foundation
import GitKit
import MergeKit
import NoteKit
import SyncKit
import TestSupport

/// A bare remote and device notebooks in a temporary folder, synced through the real `Syncer`:
/// the first device runs `hearth init` and pushes, the others clone.
final class SyncWorld {
    /// The folder holding everything; removed by ``SyncWorld/with(devices:_:)``.
    let base: URL
    /// The bare remote.
    let remote: URL
    /// HOME for the git CLI.
    let home: URL

    private init(base: URL) {
        self.base = base
        self.remote = base.appending(path: "remote.git", directoryHint: .isDirectory)
        self.home = base.appending(path: "home", directoryHint: .isDirectory)
    }

    /// Runs `body` in a world whose devices (e.g. "laptop", "desk") share one remote holding a
    /// notebook with `files` committed by the first device.
    static func with<R>(devices: [String], files: [String: String] = [:], _ body: (SyncWorld) throws -> R) throws -> R {
        let base = FileManager.default.temporaryDirectory
            .appending(path: "sync-world-\(UUID().uuidString)", directoryHint: .isDirectory)
        let world = SyncWorld(base: base)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: world.home, withIntermediateDirectories: true)
        _ = try Repository.create(at: world.remote, initialBranch: "main", bare: true)
        let first = world.root(devices[0])
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
        for (path, text) in files { try world.write(devices[0], path, text) }
        _ = try NotebookSetup.initialize(at: first, device: devices[0])
        _ = try Repository.open(at: first).addRemote(name: "origin", url: world.remote.path(percentEncoded: false))
        _ = try world.sync(devices[0])
        for device in devices.dropFirst() {
            // A plain git clone: notebooks need nothing beyond git's own setup.
            try GitCLI(directory: base, home: world.home)("clone", "-q", world.remote.path(percentEncoded: false), device)
            try world.git(device)("config", "hearth.device", device)
        }
        return try body(world)
    }

    /// A copy of this world (remote and every device, as they are now) inside this world's
    /// folder, with each device's `origin` pointing at the copy's remote: the same histories,
    /// to sync in another order.
    func twin(devices: [String]) throws -> SyncWorld {
        let twin = SyncWorld(base: base.appending(path: "twin-\(UUID().uuidString)", directoryHint: .isDirectory))
        try FileManager.default.createDirectory(at: twin.base, withIntermediateDirectories: true)
        for name in ["remote.git", "home"] + devices {
            let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/cp"), ["-a", base.appending(path: name).path(percentEncoded: false),
                                                                                 twin.base.path(percentEncoded: false)],
                                               in: base, environment: ["PATH": "/usr/bin:/bin"])
            guard result.status == 0 else { throw SetupFailure("cp failed: \(result.stderr)") }
        }
        for device in devices {
            try twin.git(device)("remote", "set-url", "origin", twin.remote.path(percentEncoded: false))
        }
        return twin
    }

    /// A device's notebook root.
    func root(_ device: String) -> URL { base.appending(path: device, directoryHint: .isDirectory) }

    /// Writes a file on a device, creating folders.
    func write(_ device: String, _ path: String, _ text: String) throws {
        let url = root(device).appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A file's text on a device, nil when absent.
    func read(_ device: String, _ path: String) -> String? {
        (try? Data(contentsOf: root(device).appending(path: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces the first occurrence of `old` with `new` in a file.
    func edit(_ device: String, _ path: String, replacing old: String, with new: String) throws {
        guard let text = read(device, path) else { throw SetupFailure("\(device):\(path) missing") }
        guard let range = text.range(of: old) else { throw SetupFailure("\(device):\(path) lacks \(old)") }
        try write(device, path, text.replacingCharacters(in: range, with: new))
    }

    /// Runs one sync on a device.
    @discardableResult
    func sync(_ device: String, checkpoint: ((SyncCheckpoint) -> Void)? = nil) throws -> SyncReport {
        try Syncer(root: root(device), options: SyncOptions(lockWait: 5, checkpoint: checkpoint)).sync()
    }

    /// The git CLI in a device's notebook (or the remote).
    func git(_ device: String) -> GitCLI { GitCLI(directory: root(device), home: home) }

    /// `git rev-parse HEAD^{tree}` on a device.
    func tree(_ device: String) throws -> String { try git(device)("rev-parse", "HEAD^{tree}") }

    /// `git rev-parse HEAD` on a device.
    func head(_ device: String) throws -> String { try git(device)("rev-parse", "HEAD") }

    /// Every regular file under a device's root, outside `.git`, relative paths sorted.
    func files(_ device: String) -> [String] {
        let rootPath = root(device).path(percentEncoded: false)
        let enumerator = FileManager.default.enumerator(atPath: rootPath)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: rootPath + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// The open conflict records on a device.
    func conflicts(_ device: String) throws -> [ConflictRecord] { try ConflictStore(root: root(device)).all() }
}

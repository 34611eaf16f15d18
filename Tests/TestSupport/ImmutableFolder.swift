import Foundation

/// A folder made immutable with chattr(1) (`+i`): nothing can be created, removed or renamed in
/// it, not even by root, while its files' contents can still change. How tests make a real
/// write fail at a chosen moment: a maintenance's new pack, a lock that cannot be removed.
public enum ImmutableFolder {
    /// Makes `path` immutable (`on`) or not again; whether chattr did it.
    @discardableResult
    public static func set(_ path: String, _ on: Bool) -> Bool {
        let result = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/chattr"), [on ? "+i" : "-i", path],
                                            in: URL(fileURLWithPath: "/"), environment: ProcessInfo.processInfo.environment)
        return result?.status == 0
    }

    /// Whether the temporary folder's file system can make a folder immutable here (chattr
    /// there, root, a file system with the flag) and it then refuses a new file.
    public static let available: Bool = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-chattr-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard set(folder.path, true) else { return false }
        defer { set(folder.path, false) }
        return !FileManager.default.createFile(atPath: folder.appendingPathComponent("probe").path, contents: Data())
    }()
}

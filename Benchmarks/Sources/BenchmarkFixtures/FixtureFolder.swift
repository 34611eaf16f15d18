import Foundation

/// The temporary folder the fixtures of one benchmark process live in. A teardown hook gets no
/// setup state, so it removes the process's whole folder instead of one fixture's.
public enum FixtureFolder {
    /// `hearth-bench-PID` in the temporary folder: each benchmark process has its own.
    static var processRoot: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hearth-bench-\(getpid())", isDirectory: true)
    }

    /// A new, empty folder `name` in this process's folder (emptied if a fixture left it).
    static func make(_ name: String) throws -> URL {
        let url = processRoot.appendingPathComponent(name, isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes every fixture this process made.
    public static func removeAll() {
        try? FileManager.default.removeItem(at: processRoot)
    }
}

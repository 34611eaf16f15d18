import Foundation

/// A notebook of generated day entries in a fresh temporary folder, for the benchmarks that read
/// from disk, in a ``FixtureFolder`` that the benchmark's teardown removes.
public struct FixtureNotebook: Sendable {
    /// The notebook's root folder.
    public let root: URL

    /// Writes `days` day entries (``DayEntries``) and the `hearth.yaml` that makes the folder a notebook.
    public init(days: Int) throws {
        root = try FixtureFolder.make("notebook-\(days)")
        try FixtureNotebook.write("version: 1\n", to: root.appendingPathComponent("hearth.yaml"))
        for index in 0..<days {
            try FixtureNotebook.write(DayEntries.text(index), to: root.appendingPathComponent(DayEntries.path(index)))
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

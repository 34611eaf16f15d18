import Foundation
import NoteKit

/// A fresh temporary folder for one test, removed when the body returns (even when it throws).
enum TempFolder {
    static func with<R>(_ body: (URL) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory
            .appending(path: "journalkit-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// Writes `text` at `path` under `root`, creating folders.
    static func write(_ text: String, at path: String, under root: URL) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

extension LocalDate {
    /// A date from a literal known to be valid in the test.
    static func d(_ text: String) -> LocalDate { LocalDate(text)! }
}

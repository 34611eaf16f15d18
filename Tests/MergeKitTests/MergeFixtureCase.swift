import Foundation

/// One folder of `Fixtures/merge` read into memory (see `Fixtures/merge/README.md`).
struct MergeFixtureCase {
    var name: String
    var path: String
    var base: Data?
    var first: Data?
    var second: Data?
    var expected: Data?
    var expectedConflicts: [String]
    /// Repository path -> bytes, from `expected-extra/`.
    var expectedExtra: [String: Data]

    init(name: String) throws {
        self.name = name
        let folder = MergeFixtures.directory.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        func input(_ stem: String) throws -> Data? {
            // `base.md`, or `base.yaml` for a case about a file that is not an entry.
            guard let file = files.first(where: { $0 == stem || $0.hasPrefix(stem + ".") }) else { return nil }
            return try Data(contentsOf: folder.appendingPathComponent(file))
        }
        base = try input("base")
        first = try input("a")
        second = try input("b")
        expected = try input("expected")
        let pathFile = folder.appendingPathComponent("path.txt")
        if FileManager.default.fileExists(atPath: pathFile.path) {
            path = try String(contentsOf: pathFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            path = "days/2026/2026-11-22.md"
        }
        let conflictsText = try String(contentsOf: folder.appendingPathComponent("expected-conflicts.txt"), encoding: .utf8)
        expectedConflicts = conflictsText.split(separator: "\n").map(String.init)
        expectedExtra = [:]
        let extra = folder.appendingPathComponent("expected-extra")
        if let walker = FileManager.default.enumerator(atPath: extra.path) {
            for case let relative as String in walker {
                let url = extra.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    expectedExtra[relative] = try Data(contentsOf: url)
                }
            }
        }
    }
}

import Testing
import Yams
@testable import NoteKit

/// The fast scanner must read every fixture exactly as the full YAML parser does.
@Suite struct ScannerYamsAgreementTests {
    @Test(arguments: Fixtures.namesWithFrontMatter)
    func scannerAndYamsAgree(_ name: String) throws {
        let note = try Note(parsing: try Fixtures.text(name), path: name)
        let frontMatter = try #require(note.frontMatter)
        let yams = try YamsReader.entries(of: frontMatter.text, path: name)
        #expect(yams.map(\.key) == frontMatter.keys)
        for (pair, entry) in zip(yams, frontMatter.entries) {
            #expect(pair.value.jsonObject == entry.value.jsonObject, "\(name): \(entry.key)")
            // Same text and quoting style, not only the same resolved value.
            #expect(pair.value == entry.value, "\(name): \(entry.key): Yams \(pair.value) vs scanner \(entry.value)")
        }
    }

    /// A third opinion: Yams against the golden values from the independent tool.
    @Test(arguments: Fixtures.namesWithFrontMatter)
    func yamsMatchesGolden(_ name: String) throws {
        let golden = try Fixtures.golden(name)
        let note = try Note(parsing: try Fixtures.text(name), path: name)
        let yams = try YamsReader.entries(of: try #require(note.frontMatter).text, path: name)
        #expect(yams.map(\.key) == golden.keys.map(\.key))
        for (pair, expected) in zip(yams, golden.keys) {
            #expect(pair.value.jsonObject.serialized() == expected.json, "\(name): \(pair.key)")
        }
    }

    @Test func scalarStylesAreReported() throws {
        let note = try Note(parsing: try Fixtures.text("04-quoted-strings.md"), path: "x.md")
        #expect(note["single"]?.scalar?.style == .singleQuoted)
        #expect(note["double"]?.scalar?.style == .doubleQuoted)
        let blocks = try Note(parsing: try Fixtures.text("09-block-scalars.md"), path: "x.md")
        #expect(blocks["summary"]?.scalar?.style == .block)
        #expect(blocks["energy"]?.scalar?.style == .plain)
    }
}

import Foundation
import Testing

/// `hearth show REF [--json]`.
@Suite struct ShowCommandTests {
    @Test func showPrintsTheFileBytesExactly() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let bytes = Array("\u{FEFF}---\r\nkind: day\r\nenergy: 3 # ok\r\n---\r\n\r\ncafé ☕ no final newline".utf8)
        try notebook.write("days/2026/2026-11-20.md", bytes: bytes)
        for reference in ["2026-11-20", "days/2026/2026-11-20.md"] {
            let result = try notebook.hearth("show", reference)
            #expect(result.status == 0, "\(result)")
            #expect([UInt8](result.stdoutData) == bytes)
        }
    }

    @Test func showJSONHasPathKindDateFrontMatterAndBody() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-22.md",
                           "---\nkind: day\ndate: 2026-11-22\nenergy: 2\nsleep_h: 6.5\nmood:\ntags: [a, b]\nbedtime: \"23:30\"\n---\n\n## Notes\nLine \"quoted\"\n")
        let result = try notebook.hearth("show", "today", "--json")
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object["path"] as? String == "days/2026/2026-11-22.md")
        #expect(object["kind"] as? String == "day")
        #expect(object["date"] as? String == "2026-11-22")
        #expect(object["body"] as? String == "\n## Notes\nLine \"quoted\"\n")
        let frontMatter = try #require(object["front_matter"] as? [String: Any])
        #expect(Set(frontMatter.keys) == ["kind", "date", "energy", "sleep_h", "mood", "tags", "bedtime"])
        #expect((frontMatter["energy"] as? NSNumber)?.intValue == 2)
        #expect((frontMatter["sleep_h"] as? NSNumber)?.doubleValue == 6.5)
        #expect(frontMatter["mood"] is NSNull)
        #expect(frontMatter["tags"] as? [String] == ["a", "b"])
        #expect(frontMatter["bedtime"] as? String == "23:30")
    }

    @Test func showJSONOfANoteWithoutFrontMatter() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/plain.md", "# Plain\n")
        let result = try notebook.hearth("show", "plain", "--json")
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object["path"] as? String == "notes/plain.md")
        #expect(object["kind"] as? String == "note")
        #expect(object["date"] is NSNull)
        #expect((object["front_matter"] as? [String: Any])?.isEmpty == true)
        #expect(object["body"] as? String == "# Plain\n")
    }

    @Test func showErrors() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/broken.md", "---\ntitle: [\n")
        #expect(try notebook.hearth("show", "nothing-here").status == 1)
        #expect(try notebook.hearth("show").status == 2)
        let broken = try notebook.hearth("show", "broken")
        #expect(broken.status == 1, "\(broken)")
        #expect(broken.stderr.contains("notes/broken.md:1:"), "\(broken.stderr)")
    }
}

import Foundation
import Testing

/// `hearth unset REF key ...`: removes only those keys' lines, block-list items included.
@Suite struct UnsetCommandTests {
    @Test func unsetRemovesOnlyTheKeysLines() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", SetCommandTests.handWritten)
        let result = try notebook.hearth("unset", "2026-11-20", "tags", "mood")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2026/2026-11-20.md\n")
        let expected = SetCommandTests.handWritten
            .replacingOccurrences(of: "tags:\n  - travel\n  - deadline\n", with: "")
            .replacingOccurrences(of: "mood: 4\n", with: "")
        #expect(try notebook.text("days/2026/2026-11-20.md") == expected)
    }

    @Test func unsetRemovesAColumnZeroBlockListInACRLFFile() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let original = "---\r\nkind: day\r\nsymptoms:\r\n- cough\r\n- headache\r\n# keep this comment\r\nenergy: 2\r\n---\r\nbody\r\n"
        try notebook.write("days/2026/2026-11-20.md", original)
        let result = try notebook.hearth("unset", "days/2026/2026-11-20.md", "symptoms")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("days/2026/2026-11-20.md")
                == "---\r\nkind: day\r\n# keep this comment\r\nenergy: 2\r\n---\r\nbody\r\n")
    }

    @Test func unsetOfAMissingKeyWarnsAndChangesNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", SetCommandTests.handWritten)
        let result = try notebook.hearth("unset", "2026-11-20", "sleep_h")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("sleep_h"))
        #expect(try notebook.text("days/2026/2026-11-20.md") == SetCommandTests.handWritten)
    }

    @Test func unsetErrors() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", SetCommandTests.handWritten)
        #expect(try notebook.hearth("unset", "2026-11-20").status == 2)
        #expect(try notebook.hearth("unset", "2026-11-01", "energy").status == 1)
        let broken = "---\nenergy: 3\n  oops\nmood: [\n---\n"
        try notebook.write("notes/broken.md", broken)
        let result = try notebook.hearth("unset", "notes/broken.md", "energy")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("notes/broken.md:"))
        #expect(try notebook.text("notes/broken.md") == broken)
        #expect(try notebook.text("days/2026/2026-11-20.md") == SetCommandTests.handWritten)
    }
}

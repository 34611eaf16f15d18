import Foundation
import Testing
@testable import NoteKit

/// Bad input becomes a `Diagnostic` naming the file, the line and what is wrong.
@Suite struct DiagnosticTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var message: String
        var testDescription: String { file }
    }

    /// Lines are counted by hand from the files in `bad/`.
    static let cases: [Case] = [
        Case(file: "unclosed.md", line: 1, message: "never closed"),
        Case(file: "unclosed-flow.md", line: 4, message: "malformed YAML"),
        Case(file: "unclosed-quote.md", line: 3, message: "malformed YAML"),
        Case(file: "just-text.md", line: 4, message: "expected 'key: value', found 'just text'"),
        Case(file: "invalid-utf8.md", line: 3, message: "invalid UTF-8 at byte 24"),
        Case(file: "invalid-utf8-body.md", line: 5, message: "invalid UTF-8 at byte 38"),
        Case(file: "binary.md", line: 4, message: "binary file"),
        Case(file: "duplicate-keys.md", line: 5, message: "key 'energy' appears twice (first on line 3)"),
        Case(file: "bad-indent.md", line: 2, message: "indented line with no key above it"),
        Case(file: "hash-in-key.md", line: 3, message: "expected 'key: value', found 'note #x: 1'"),
    ]

    @Test(arguments: cases)
    func badInputIsADiagnostic(_ item: Case) throws {
        let data = try Fixtures.bytes("bad/" + item.file)
        let path = "days/2026/" + item.file
        do {
            let note = try Note(parsing: data, path: path)
            Issue.record("\(item.file) parsed: \(note.frontMatter?.keys ?? [])")
        } catch {
            #expect(error.path == path)
            #expect(error.line == item.line, "\(error)")
            #expect(error.message.contains(item.message), "\(error.message)")
            #expect(error.severity == .error)
            #expect(error.description.hasPrefix("\(path):\(item.line): error: "))
        }
    }

    @Test func bothParsersRejectMalformedFrontMatter() throws {
        for file in ["unclosed-flow.md", "unclosed-quote.md", "just-text.md", "bad-indent.md", "hash-in-key.md"] {
            let text = try Fixtures.text("bad/" + file)
            let lines = Fixtures.rawLines(text)
            let closing = try #require(Fixtures.closingFenceIndex(lines))
            #expect(throws: Diagnostic.self, "\(file)") { try YamsReader.entries(of: lines[1..<closing].joined()) }
        }
    }

    @Test func yamsReportsFileLines() {
        // Yams on a whole front-matter: `b: [1` opens a flow list on file line 3 (firstLine 2).
        #expect {
            try YamsReader.entries(of: "a: 1\nb: [1\nc: 2\n", path: "p.md", firstLine: 2)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.path == "p.md" && diagnostic.line >= 3 && diagnostic.message.hasPrefix("malformed YAML")
        }
    }

    @Test func decodingFromRawBuffer() throws {
        let bytes: [UInt8] = Array("---\nkind: day\n---\nok\n".utf8)
        let note = try bytes.withUnsafeBytes { buffer in try Note(parsing: buffer, path: "x.md") }
        #expect(note["kind"]?.string == "day")
        let bad: [UInt8] = Array("a\nb\n".utf8) + [0xC3]
        #expect(throws: Diagnostic(path: "x.md", line: 3, message: "invalid UTF-8 at byte 4",
                                   hint: "re-save the file as UTF-8 in your editor (e.g. `iconv -f latin1 -t utf-8`)")) {
            try bad.withUnsafeBytes { buffer in try Note(parsing: buffer, path: "x.md") }
        }
    }

    @Test func editsNeverProduceUnreadableFrontMatter() throws {
        // Every value the writer produces must read back, including awkward text.
        var note = try Note(parsing: "---\nkind: day\n---\n", path: "x.md")
        let awkward = ["a: b", "#x", "- y", "'q'", "\"dq\"", "[", "{x}", "\\", "tab\tin", "é 東京 🎉", "*ref", "&anchor", "!tag", "%", "@", "`", "|", ">", "? q", "---", "...", "a #b"]
        for (index, text) in awkward.enumerated() {
            note.set("k\(index)", to: .plain(text))
        }
        let back = try Note(parsing: note.text, path: "x.md")
        for (index, text) in awkward.enumerated() {
            #expect(back["k\(index)"]?.string == text, "\(text)")
        }
    }
}

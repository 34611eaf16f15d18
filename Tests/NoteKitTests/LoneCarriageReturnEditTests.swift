import Foundation
import NoteKit
import Testing

/// Found by fuzzing (Fixtures/fuzz/front-matter/regressions): YAML reads a lone CR as a line
/// break, the front-matter's lines end at LF only, so a key's lines could lie outside them and
/// `set` crashed. Two keys on one line are refused when the front-matter is read, with the
/// line, so no edit can start; a lone CR inside one key's value still edits only that key.
struct LoneCarriageReturnEditTests {
    @Test func twoKeysSplitByALoneCRAreRefusedWhenRead() {
        #expect {
            try Note(parsing: Data("---\n0: \rs:\n---\n".utf8), path: "days/2026/2026-11-22.md")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.path == "days/2026/2026-11-22.md" && diagnostic.line == 2
        }
    }

    @Test(arguments: ["0", "s"])
    func setAndRemoveNeverCrashOnALoneCR(key: String) throws {
        // One key whose quoted value holds a CR: YAML and the scanner agree on one line.
        let text = "---\n0: \"a\rb\"\ns: 2\n---\n"
        let note = try Note(parsing: Data(text.utf8), path: "days/2026/2026-11-22.md")
        var edited = note
        edited.set(key, to: .plain("1"))
        let other = key == "0" ? "s" : "0"
        #expect(edited[key]?.scalar?.text == "1")
        #expect(edited[other] == note[other])
        #expect(try Note(parsing: Data(edited.text.utf8), path: "days/2026/2026-11-22.md")[other] == note[other])
    }
}

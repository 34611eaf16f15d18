import Foundation
import NoteKit
import Testing

/// Found by fuzzing (Fixtures/fuzz/front-matter/regressions): YAML reads a lone CR as a line
/// break, the front-matter's lines end at LF only, so a key's lines could lie outside them and
/// `set` crashed. Such an edit is refused now and nothing changes.
struct LoneCarriageReturnEditTests {
    @Test(arguments: ["0", "s"])
    func setAndRemoveRefuseAKeyAfterALoneCR(key: String) throws {
        let text = "---\n0: \rs:\n---\n"
        let note = try Note(parsing: Data(text.utf8), path: "days/2026/2026-11-22.md")
        var edited = note
        edited.set(key, to: .plain("1"))
        #expect(edited.text == text)
        var removed = note
        removed.remove(key)
        #expect(removed.text == text)
        if note.frontMatter?.entry(key)?.lines.upperBound ?? 0 > note.frontMatter?.lines.count ?? 0 {
            #expect(edited.frontMatter?.refusedEdit != nil)
        }
    }
}

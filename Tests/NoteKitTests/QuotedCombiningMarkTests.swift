import Foundation
import NoteKit
import Testing

/// Found by fuzzing (Fixtures/fuzz/front-matter/regressions): a combining mark right after an
/// opening quote makes one Character with the quote, and the scanner, stepping by Characters,
/// dropped the mark. Values are cut by scalars now, and `set` reads back what it wrote.
struct QuotedCombiningMarkTests {
    @Test(arguments: ["\"\u{0650}r\"", "'\u{0301}e'", "\"\u{0301}\"", "[\"\u{0650}r\", b]"])
    func aCombiningMarkAfterTheOpeningQuoteIsKept(value: String) throws {
        let note = try Note(parsing: Data("---\nnote: \(value)\n---\n".utf8), path: "days/2026/2026-11-22.md")
        let expected = try #require(note["note"]?.strings.first)
        #expect(expected.unicodeScalars.first?.properties.isGraphemeExtend == true, "\(expected.debugDescription)")
    }

    @Test func setWritesAndReadsBackAValueStartingWithACombiningMark() throws {
        var note = try Note(parsing: Data("---\nmood: 3\n---\n".utf8), path: "days/2026/2026-11-22.md")
        note.set("mood", to: .string("\u{0650}r"))
        let reread = try Note(parsing: Data(note.text.utf8), path: "days/2026/2026-11-22.md")
        #expect(reread["mood"]?.string == "\u{0650}r")
    }
}

import Foundation
import TestSupport
import Testing

/// `--where` names any key a front-matter can hold: written decomposed or composed, in either form
/// (they are one key), with marks, or quoted as front-matter quotes it when it holds spaces or
/// symbols; a condition with no key is refused as before.
@Suite struct WhereKeyNameTests {
    static func notebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/a.md", "---\ncafe\u{0301}: 1\n\"weight (kg)\": 70\n---\n")
        try notebook.write("notes/b.md", "---\ncaf\u{00E9}: 2\nweight (kg): 60\nit's: yes\n---\n")
        try notebook.write("notes/c.md", "---\nother: 0\nरंग: नीला\n---\n")
        return notebook
    }

    @Test(arguments: [
        ("cafe\u{0301}>=1", ["notes/a.md", "notes/b.md"]),
        ("caf\u{00E9}>=2", ["notes/b.md"]),
        ("cafe\u{0301}", ["notes/a.md", "notes/b.md"]),
        ("!cafe\u{0301}", ["notes/c.md"]),
        // Devanagari: vowel signs and the virama are marks.
        ("रंग=नीला", ["notes/c.md"]),
        ("'weight (kg)'>=65", ["notes/a.md"]),
        ("\"weight (kg)\"", ["notes/a.md", "notes/b.md"]),
        ("!'weight (kg)'", ["notes/c.md"]),
        ("'it''s'=yes", ["notes/b.md"]),
    ])
    func keyIsNamed(condition: String, expected: [String]) throws {
        let notebook = try Self.notebook()
        let result = try notebook.hearth("list", "--json", "--where", condition)
        #expect(result.status == 0, "\(result)")
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
        #expect(rows.compactMap { $0["path"] as? String } == expected, "\(result)")
    }

    @Test(arguments: [
        (">=1", "expected a key name before the operator"),
        ("a b=3", "expected a key name before the operator"),
        ("energy\u{2265}2", "not a key name"),
        ("'weight (kg)>=65", "the quoted key name is not closed"),
        ("!'weight (kg)'>=65", "'!' must be followed by a key name alone"),
    ])
    func conditionWithoutAKeyIsAUsageError(condition: String, reason: String) throws {
        let notebook = try Self.notebook()
        let result = try notebook.hearth("list", "--where", condition)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains(reason), "\(result)")
    }
}

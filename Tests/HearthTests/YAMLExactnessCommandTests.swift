import Foundation
import TestSupport
import Testing

/// The hearth binary on YAML 1.2 edge cases: integers beyond 64 bits shown exactly, compared
/// exactly by `list --where`, refused by `review` rather than rounded; `set` on valid YAML that
/// hearth's line editor cannot keep either keeps every other byte or refuses with nothing changed.
@Suite struct YAMLExactnessCommandTests {
    @Test func showJSONKeepsEveryDigitAndReadsSignsAsText() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/ids.md", "---\nid: 123456789012345678901234567890\nhex: 0x10000000000000000\nsigned: +-1\nradix: 0x-1\ntagged: !!int \"3\"\n---\n")
        let result = try notebook.hearth("show", "notes/ids.md", "--json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\"front_matter\":{\"id\":123456789012345678901234567890,\"hex\":18446744073709551616,\"signed\":\"+-1\",\"radix\":\"0x-1\",\"tagged\":3}"),
                "\(result.stdout)")
    }

    @Test func listWhereComparesLargeIntegersExactly() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/a.md", "---\nid: 9007199254740993\nbig: 123456789012345678901234567890\n---\n")
        try notebook.write("notes/b.md", "---\nid: 9007199254740992\nbig: 123456789012345678901234567891\n---\n")
        // Through Double, 2^53 + 1 and 2^53 are one number and both files would match.
        let equal = try notebook.hearth("list", "--where", "id=9007199254740993")
        #expect(equal.status == 0, "\(equal)")
        #expect(equal.stdoutLines.count == 1 && equal.stdout.contains("notes/a.md"), "\(equal)")
        let greater = try notebook.hearth("list", "--where", "big>123456789012345678901234567890")
        #expect(greater.stdoutLines.count == 1 && greater.stdout.contains("notes/b.md"), "\(greater)")
        // Sorting tells apart what rounds to one Double too.
        try notebook.write("notes/c.md", "---\nid: 9007199254740994\n---\n")
        let sorted = try notebook.hearth("list", "--sort", "id")
        #expect(sorted.stdoutLines.map { $0.contains("notes/c.md") ? "c" : $0.contains("notes/a.md") ? "a" : "b" } == ["b", "a", "c"], "\(sorted)")
        let json = try notebook.hearth("list", "--where", "big=123456789012345678901234567890", "--json")
        #expect(json.stdout.contains("123456789012345678901234567890") && !json.stdout.contains("e+29"), "\(json)")
    }

    @Test func reviewRefusesToRoundAndNamesTheLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-21.md", "---\nkind: day\ndate: 2026-11-21\nmood: 3\nenergy: 123456789012345678901234567890\n---\n")
        try notebook.write("days/2026/2026-11-22.md", "---\nkind: day\ndate: 2026-11-22\nenergy: 2\n---\n")
        let result = try notebook.hearth("review")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("days/2026/2026-11-21.md:5:") && result.stderr.contains("'energy' is 123456789012345678901234567890"),
                "\(result.stderr)")
        // Within 2^53 every whole number is exact, and the review runs.
        try notebook.write("days/2026/2026-11-21.md", "---\nkind: day\ndate: 2026-11-21\nmood: 3\nenergy: 4\n---\n")
        #expect(try notebook.hearth("review").status == 0)
    }

    @Test func setOnAnAliasedFileKeepsOtherBytesOrRefuses() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let path = "days/2026/2026-11-20.md"
        let text = "---\nkind: day\ndate: 2026-11-20\nenergy: &level 3  # same as mood\nmood: *level\n---\nBody\n"
        try notebook.write(path, text)
        let show = try notebook.hearth("show", path, "--json")
        #expect(show.stdout.contains("\"energy\":3,\"mood\":3"), "\(show)")
        // Changing the anchor's key would leave `*level` undefined: refused, the file untouched.
        let refused = try notebook.hearth("set", path, "energy=4")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("\(path):4:") && refused.stderr.contains("cannot change 'energy'"), "\(refused.stderr)")
        #expect(try notebook.text(path) == text)
        let allowed = try notebook.hearth("set", path, "mood=5", "work_h=8")
        #expect(allowed.status == 0, "\(allowed)")
        #expect(try notebook.text(path) == "---\nkind: day\ndate: 2026-11-20\nenergy: &level 3  # same as mood\nmood: 5\nwork_h: 8\n---\nBody\n")
    }

    @Test func setOnIndentedAndExplicitKeyFilesTouchesOnlyItsKey() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let indented = "days/2026/2026-11-20.md"
        try notebook.write(indented, "---\n  kind: day\n  date: 2026-11-20\n  energy: 3\n---\nBody\n")
        let first = try notebook.hearth("set", indented, "energy=2", "mood=4")
        #expect(first.status == 0, "\(first)")
        #expect(try notebook.text(indented) == "---\n  kind: day\n  date: 2026-11-20\n  energy: 2\n  mood: 4\n---\nBody\n")
        let explicit = "days/2026/2026-11-21.md"
        try notebook.write(explicit, "---\nkind: day\ndate: 2026-11-21\n? energy\n: 3\n? mood\n: 4\n---\n")
        let second = try notebook.hearth("set", explicit, "mood=5")
        #expect(second.status == 0, "\(second)")
        #expect(try notebook.text(explicit) == "---\nkind: day\ndate: 2026-11-21\n? energy\n: 3\nmood: 5\n---\n")
    }
}

import Foundation
import Testing

/// A day that does not exist is called that wherever hearth takes a date (issue 12, section 6):
/// an entry reference, every `--date`/`--since`/`--until`/`--at`, `--where`, `HEARTH_TODAY` and
/// a `date` value. Each is a usage error and changes nothing.
@Suite struct DateMistakeTests {
    static let february30 = "2026-02-30 is not a date: February 2026 has 28 days"

    @Test(arguments: [
        (["set", "2026-02-30", "energy=3"], "hearth: error: " + february30),
        (["show", "2026-02-30"], "hearth: error: " + february30),
        (["edit", "2026-02-30"], "hearth: error: " + february30),
        (["unset", "2026-02-30", "energy"], "hearth: error: " + february30),
        (["log", "2026-02-30"], "hearth: error: " + february30),
        (["restore", "2026-02-30", "--at", "2026-11-20"], "hearth: error: " + february30),
        (["show", "2026-13-01"], "hearth: error: 2026-13-01 is not a date: there is no month 13 (months are 01 to 12)"),
        (["list", "--since", "2026-02-30"], "hearth: error: --since " + february30),
        (["export", "--until", "2026-04-31"], "hearth: error: --until 2026-04-31 is not a date: April 2026 has 30 days"),
        (["review", "--since", "2026-02-30"], "hearth: error: --since " + february30),
        (["review", "--until", "2025-02-29"], "hearth: error: --until 2025-02-29 is not a date: February 2025 has 28 days"),
        (["grep", "x", "--since", "2026-02-30"], "hearth: error: --since " + february30),
        (["log", "--since", "2026-02-30"], "hearth: error: --since " + february30),
        (["log", "--until", "2026-02-30"], "hearth: error: --until " + february30),
        (["diff", "--since", "2026-02-30"], "hearth: error: --since " + february30),
        (["show", "today", "--at", "2026-02-30"], "hearth: error: --at " + february30),
        (["restore", "today", "--at", "2026-02-30T09:00"], "hearth: error: --at " + february30),
        (["new", "day", "--date", "2026-02-30", "--no-edit"], "hearth: error: --date " + february30),
        (["done", "--date", "2026-02-30", "ship", "x"], "hearth: error: --date " + february30),
        (["jot", "--date", "2026-02-30", "x"], "hearth: error: --date " + february30),
        (["grateful", "--date", "2026-02-30", "x"], "hearth: error: --date " + february30),
        (["learned", "--date", "2026-02-30", "x"], "hearth: error: --date " + february30),
        (["list", "--where", "date>=2026-02-30"], "hearth: error: cannot read 'date>=2026-02-30': " + february30
            + " (examples: 'energy<=2', 'tags=travel', 'sick', '!fever_c')"),
    ])
    func aDayThatDoesNotExistIsCalledThat(arguments: [String], firstLine: String) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let before = try notebook.snapshot()
        let result = try notebook.hearth(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderrLines.first == firstLine, "\(result)")
        #expect(try notebook.snapshot() == before)
        #expect(try notebook.git("status", "--porcelain", "--untracked-files=all").stdout.isEmpty)
    }

    @Test func hearthTodayThatDoesNotExistStopsEveryCommand() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let before = try notebook.snapshot()
        for arguments in [["today", "--no-edit"], ["done", "ship", "x"], ["set", "today", "energy=2"], ["review"]] {
            let result = try notebook.hearth(arguments, environment: ["HEARTH_TODAY": "2026-02-29"])
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr == "hearth: error: HEARTH_TODAY=2026-02-29 is not a date: February 2026 has 28 days\n", "\(result)")
        }
        #expect(try notebook.snapshot() == before)
    }

    @Test func aDateValueThatDoesNotExistIsRefusedAtItsLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let before = try notebook.snapshot()
        let result = try notebook.hearth("set", "today", "date=2026-02-30")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "hearth: error: days/2026/2026-11-22.md:3: date=2026-02-30: date must be a day that exists ("
                + Self.february30 + "); nothing was written\n")
        #expect(try notebook.snapshot() == before)
    }

    @Test func otherMistakesKeepTheirWording() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let words = try notebook.hearth("log", "--since", "next tuesday")
        #expect(words.status == 2 && words.stderrLines.first == "hearth: error: --since next tuesday is not a day hearth reads",
                "\(words)")
        let shape = try notebook.hearth("list", "--since", "2026-2-3")
        #expect(shape.status == 2 && shape.stderrLines.first == "hearth: error: --since 2026-2-3 is not a date like 2026-11-22 (YYYY-MM-DD)",
                "\(shape)")
        // A name that is not date-shaped is looked up as the start of a file name, as before.
        let name = try notebook.hearth("show", "2026-02-30-notes")
        #expect(name.status == 1 && name.stderr.contains("no entry matches '2026-02-30-notes'"), "\(name)")
    }
}

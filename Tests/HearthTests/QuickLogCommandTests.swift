import Foundation
import Testing

/// `hearth done`, `jot`, `grateful`, `learned` and `experiments`, through the real binary.
@Suite struct QuickLogCommandTests {
    @Test func doneCreatesTodayAndAppendsUnderDone() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let first = try notebook.hearth("done", "ship", "tokenizer fix merged")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "days/2026/2026-11-22.md\n")
        try notebook.hearth("done", "learn", "read", "about", "ISO", "weeks")
        let text = try notebook.text("days/2026/2026-11-22.md")
        // The template's "## Done" is followed by a blank line; items go after it, in order, and a
        // blank line still separates them from "## Grateful".
        #expect(text.contains("## Done\n\n- ship: tokenizer fix merged\n- learn: read about ISO weeks\n\n## Grateful\n"), "\(text)")
    }

    @Test func eachSectionGetsItsOwnLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("grateful", "a quiet morning")
        try notebook.hearth("learned", "YAML 1.1 reads 23:30 as 1410")
        let jot = try notebook.hearth("jot", "call with Ana")
        #expect(jot.status == 0, "\(jot)")
        let text = try notebook.text("days/2026/2026-11-22.md")
        #expect(text.contains("## Grateful\n\n- a quiet morning\n\n## Learned\n"))
        #expect(text.contains("## Learned\n\n- YAML 1.1 reads 23:30 as 1410\n\n## Log\n"))
        let logLine = try #require(text.split(separator: "\n").first { $0.hasSuffix(" call with Ana") })
        // `- HH:MM call with Ana`
        let time = logLine.dropFirst(2).prefix(5)
        #expect(logLine.hasPrefix("- "))
        #expect(time.count == 5 && time.dropFirst(2).first == ":" && time.filter(\.isNumber).count == 4, "\(logLine)")
    }

    @Test func onlyTheSectionChangesInAHandWrittenDay() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let original = "---\r\nkind: day\r\ndate: 2026-11-20\r\nenergy: 3 # tired\r\n---\r\n# Friday\r\n\r\n## Done\r\n- ship: release notes\r\n\r\n## Notes\r\nfree text\r\n"
        try notebook.write("days/2026/2026-11-20.md", original)
        let result = try notebook.hearth("done", "--date", "2026-11-20", "help", "reviewed a PR")
        #expect(result.status == 0, "\(result)")
        let expected = "---\r\nkind: day\r\ndate: 2026-11-20\r\nenergy: 3 # tired\r\n---\r\n# Friday\r\n\r\n## Done\r\n- ship: release notes\r\n- help: reviewed a PR\r\n\r\n## Notes\r\nfree text\r\n"
        #expect(try notebook.text("days/2026/2026-11-20.md") == expected)
    }

    @Test func aMissingSectionIsAddedAtTheEnd() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-21.md", "---\nkind: day\ndate: 2026-11-21\n---\n\nJust prose.\n")
        try notebook.hearth("grateful", "--date", "2026-11-21", "sunshine")
        #expect(try notebook.text("days/2026/2026-11-21.md") == "---\nkind: day\ndate: 2026-11-21\n---\n\nJust prose.\n\n## Grateful\n\n- sunshine\n")
    }

    @Test func aCodeFenceNeverClosedIsNamedAndNothingIsWritten() throws {
        // Found by the sections fuzz target: after a fence that is never closed everything is
        // code, so the item would have been written where no reader (nor `review`) sees it.
        let notebook = try TemporaryNotebook(initialized: true)
        let original = "---\nkind: day\ndate: 2026-11-20\n---\n## Done\n- ship: notes\n\n## Notes\n```sh\nmake test\n"
        try notebook.write("days/2026/2026-11-20.md", original)
        let result = try notebook.hearth("done", "--date", "2026-11-20", "help", "reviewed a PR")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("days/2026/2026-11-20.md:9:") && result.stderr.contains("never closed"), "\(result.stderr)")
        #expect(try notebook.text("days/2026/2026-11-20.md") == original)
        // Closed, the same command adds the item under Done.
        try notebook.write("days/2026/2026-11-20.md", original + "```\n")
        #expect(try notebook.hearth("done", "--date", "2026-11-20", "help", "reviewed a PR").status == 0)
        #expect(try notebook.text("days/2026/2026-11-20.md").contains("- ship: notes\n- help: reviewed a PR\n"))
    }

    @Test func badInputChangesNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today")
        let before = try notebook.snapshot()
        let badCategory = try notebook.hearth("done", "Big Win", "x")
        #expect(badCategory.status == 1)
        #expect(badCategory.stderr.contains("category 'Big Win'"))
        let badDate = try notebook.hearth("jot", "--date", "yesterday-ish", "x")
        #expect(badDate.status == 2)
        let missingText = try notebook.hearth("grateful")
        #expect(missingText.status == 2)
        #expect(try notebook.snapshot() == before)
    }

    @Test func aBrokenDayIsNeverRewritten() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let broken = "---\nkind: day\nenergy: [1, 2\n---\n\n## Done\n"
        try notebook.write("days/2026/2026-11-22.md", broken)
        let result = try notebook.hearth("done", "ship", "x")
        #expect(result.status == 1)
        #expect(result.stderr.contains("days/2026/2026-11-22.md:3"), "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md") == broken)
    }

    @Test func experimentsListsOpenOnesAndAllWithTheFlag() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("new", "experiment", "--title", "Warmup ablation", "--set", "predicted_failure=instability", "--set", "p_success=0.6")
        try notebook.hearth("new", "experiment", "--title", "LR sweep", "--date", "2026-11-20", "--set", "p_success=0.3")
        try notebook.hearth("set", "lr-sweep", "outcome=failure", "actual_failure=instability")
        let open = try notebook.hearth("experiments", "--json")
        #expect(open.status == 0, "\(open)")
        let rows = try #require(try JSONSerialization.jsonObject(with: open.stdoutData) as? [[String: Any]])
        #expect(rows.map { $0["path"] as? String } == ["experiments/2026/2026-11-22-warmup-ablation.md"])
        let all = try notebook.hearth("experiments", "--all")
        #expect(all.stdoutLines.filter { !$0.isEmpty }.count == 2)
        #expect(all.stdout.contains("outcome=failure"))
        let check = try notebook.hearth("check")
        #expect(check.status == 0)
        // The closed one never had a predicted failure mode: a warning, not an error.
        #expect(check.stdout.contains("2026-11-20-lr-sweep.md:") && check.stdout.contains("warning: experiment has no predicted_failure"))
    }

    @Test(arguments: [
        ["set", "2026-11-20", "energy=3"], ["done", "--date", "2026-11-20", "ship", "x"], ["jot", "--date", "2026-11-20", "x"],
        ["learned", "--date", "2026-11-20", "x"], ["grateful", "--date", "2026-11-20", "x"],
    ])
    func loggingOnAnotherDaySaysItCreatedTheEntry(arguments: [String]) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let first = try notebook.hearth(arguments)
        #expect(first.status == 0, "\(first)")
        // Standard output stays the path alone, for scripts; the notice goes to standard error.
        #expect(first.stdout == "days/2026/2026-11-20.md\n")
        #expect(first.stderr == "hearth: created days/2026/2026-11-20.md, a new entry for Friday 2026-11-20\n")
        #expect(notebook.exists("days/2026/2026-11-20.md"))
        // The entry exists now: no notice the second time.
        let second = try notebook.hearth(arguments)
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second)")
    }

    @Test func anotherDayAndYesterdayGetTheNoticeTodayDoesNot() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // (A day after today is refused, not made: DateRangeTests.)
        let earlier = try notebook.hearth("jot", "--date", "2026-11-16", "plan")
        #expect(earlier.stderr == "hearth: created days/2026/2026-11-16.md, a new entry for Monday 2026-11-16\n", "\(earlier)")
        let yesterday = try notebook.hearth("set", "yesterday", "mood=3")
        #expect(yesterday.stderr == "hearth: created days/2026/2026-11-21.md, a new entry for Saturday 2026-11-21\n", "\(yesterday)")
        for arguments in [["done", "ship", "x"], ["set", "today", "energy=2"]] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 0 && result.stderr.isEmpty && result.stdout == "days/2026/2026-11-22.md\n", "\(result)")
        }
        let explicit = try notebook.hearth("jot", "--date", "2026-11-22", "x")
        #expect(explicit.stderr.isEmpty, "\(explicit)")
    }
}

import Foundation
import Testing

/// `hearth new day|note|experiment|week`: layout paths, templates, `--set`, and refusals.
@Suite struct NewCommandTests {
    static let dayTemplate = """
        ---
        kind: day
        date: 2026-11-22
        energy:
        mood:
        sleep_h:
        sleep_q:
        exhaustion:
        cynicism:
        efficacy:
        work_h:
        health_h:
        family_h:
        friends_h:
        tags: []
        ---

        ## Done

        ## Grateful

        ## Learned

        ## Log

        ## Notes

        """

    @Test func newDayWritesTheTemplateAtTheLayoutPath() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("new", "day", "--no-edit")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2026/2026-11-22.md\n")
        #expect(try notebook.text("days/2026/2026-11-22.md") == Self.dayTemplate)
    }

    @Test func newDayWithDateAndSetFillsOnlyThoseKeys() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("new", "day", "--date", "2025-03-04", "--set", "energy=3",
                                         "--set", "tags=[travel, deadline]", "--set", "bedtime=23:30", "--no-edit")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2025/2025-03-04.md\n")
        let expected = Self.dayTemplate
            .replacingOccurrences(of: "date: 2026-11-22", with: "date: 2025-03-04")
            .replacingOccurrences(of: "energy:\n", with: "energy: 3\n")
            .replacingOccurrences(of: "tags: []\n", with: "tags: [travel, deadline]\nbedtime: \"23:30\"\n")
        #expect(try notebook.text("days/2025/2025-03-04.md") == expected)
    }

    @Test func newWeekUsesTheISOWeek() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("new", "week", "--no-edit")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "weeks/2026/2026-W47.md\n")
        #expect(try notebook.text("weeks/2026/2026-W47.md") == """
            ---
            kind: week
            week: 2026-W47
            date: 2026-11-22
            who5: []
            work_target_h:
            ---

            # Week 2026-W47

            ## What went well

            ## What was hard

            ## Next week

            """)
        // 2027-01-01 is a Friday in ISO week 53 of 2026; 2025-12-29 is the Monday of 2026-W01.
        #expect(try notebook.hearth("new", "week", "--date", "2027-01-01").stdout == "weeks/2026/2026-W53.md\n")
        #expect(try notebook.hearth("new", "week", "--date", "2025-12-29").stdout == "weeks/2026/2026-W01.md\n")
        #expect(try notebook.text("weeks/2026/2026-W53.md").contains("\nweek: 2026-W53\ndate: 2027-01-01\n"))
    }

    @Test func newExperimentIsNamedAfterDateAndSlug() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("new", "experiment", "--title", "Warmup Ablation!", "--set", "p_success=0.4")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "experiments/2026/2026-11-22-warmup-ablation.md\n")
        #expect(try notebook.text("experiments/2026/2026-11-22-warmup-ablation.md") == """
            ---
            kind: experiment
            date: 2026-11-22
            title: Warmup Ablation!
            hypothesis:
            predicted_failure:
            p_success: 0.4
            status: planned
            timebox_h:
            tags: []
            ---

            # Warmup Ablation!

            ## Plan

            ## Log

            ## Result

            """)
    }

    @Test func newNoteQuotesATitleThatNeedsIt() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("new", "note", "--title", "Fix: tokenizer", "--no-edit")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "notes/fix-tokenizer.md\n")
        #expect(try notebook.text("notes/fix-tokenizer.md") == """
            ---
            kind: note
            date: 2026-11-22
            title: "Fix: tokenizer"
            tags: []
            ---

            # Fix: tokenizer

            """)
        let again = try notebook.hearth("new", "note", "--title", "Fix: tokenizer")
        #expect(again.status == 1, "a note is never overwritten: \(again)")
        #expect(again.stderr.contains("notes/fix-tokenizer.md"))
    }

    @Test func anInvalidSetValueWritesNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("new", "day", "--set", "energy=7", "--no-edit")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("energy"))
        #expect(result.stdout.isEmpty)
        #expect(!notebook.exists("days"))
        #expect(try notebook.git("status", "--porcelain", "--untracked-files=all").stdout.isEmpty)
    }

    @Test(arguments: [
        ["new", "bogus", "--no-edit"],
        ["new", "note", "--no-edit"],
        ["new", "experiment"],
        ["new", "note", "--title", ""],
        ["new", "day", "--date", "2026-02-30"],
        ["new"],
    ])
    func usageErrorsExit2AndWriteNothing(arguments: [String]) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let before = try notebook.snapshot()
        let result = try notebook.hearth(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(!result.stderr.isEmpty)
        #expect(try notebook.snapshot() == before)
    }

    @Test func anExistingDayIsNeverOverwritten() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let handWritten = "---\nkind: day\ndate: 2026-11-22\nenergy: 4 # good day\n# a comment line\n---\n\n## Notes\nMy own words.\n"
        try notebook.write("days/2026/2026-11-22.md", handWritten)

        let plain = try notebook.hearth("new", "day", "--no-edit")
        #expect(plain.status == 0, "\(plain)")
        #expect(plain.stdout == "days/2026/2026-11-22.md\n")
        #expect(try notebook.text("days/2026/2026-11-22.md") == handWritten)

        let withSet = try notebook.hearth("new", "day", "--set", "mood=2", "--no-edit")
        #expect(withSet.status == 0, "\(withSet)")
        #expect(try notebook.text("days/2026/2026-11-22.md")
                == "---\nkind: day\ndate: 2026-11-22\nenergy: 4 # good day\n# a comment line\nmood: 2\n---\n\n## Notes\nMy own words.\n")
    }
}

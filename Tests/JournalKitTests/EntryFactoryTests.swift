import Foundation
import JournalKit
import NoteKit
import Testing

@Suite("EntryFactory")
struct EntryFactoryTests {
    let nov22 = LocalDate.d("2026-11-22")

    @Test func dayAtItsLayoutPathWithAssignmentsApplied() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .day, date: nov22, title: nil,
                                             assignments: [("energy", "2"), ("sleep_h", "7.5"), ("bedtime", "23:30")],
                                             notebook: Notebook(root: root))
            #expect(note.path == "days/2026/2026-11-22.md")
            #expect(note["kind"]?.string == "day")
            #expect(note["date"]?.date == nov22)
            #expect(note["energy"]?.int == 2)
            #expect(note["sleep_h"]?.double == 7.5)
            #expect(note["bedtime"]?.string == "23:30")
            #expect(note.text == """
                ---
                kind: day
                date: 2026-11-22
                energy: 2
                mood:
                sleep_h: 7.5
                sleep_q:
                exhaustion:
                cynicism:
                efficacy:
                work_h:
                health_h:
                family_h:
                friends_h:
                tags: []
                bedtime: "23:30"
                ---

                ## Done

                ## Grateful

                ## Learned

                ## Log

                ## Notes

                """)
            // The factory does not write anything.
            #expect(!FileManager.default.fileExists(atPath: root.appending(path: "days").path))
        }
    }

    @Test func weekAtItsISOWeekPath() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .week, date: nov22, title: nil,
                                             assignments: [("who5", "[3, 4, 2, 5, 1]")], notebook: Notebook(root: root))
            #expect(note.path == "weeks/2026/2026-W47.md")
            #expect(note["kind"]?.string == "week")
            #expect(note["week"]?.string == "2026-W47")
            #expect(note["date"]?.date == nov22)
            #expect(note["who5"]?.list?.compactMap(\.int) == [3, 4, 2, 5, 1])
            #expect(note.text.contains("\n# Week 2026-W47\n"))
        }
    }

    @Test func weekAtTheTurnOfTheYearUsesTheWeekBasedYear() throws {
        try TempFolder.with { root in
            // 2024-12-30 is the Monday of ISO week 2025-W01; 2027-01-01 is in 2026-W53.
            let early = try EntryFactory.make(kind: .week, date: .d("2024-12-30"), title: nil, assignments: [],
                                              notebook: Notebook(root: root))
            #expect(early.path == "weeks/2025/2025-W01.md")
            #expect(early["week"]?.string == "2025-W01")
            let late = try EntryFactory.make(kind: .week, date: .d("2027-01-01"), title: nil, assignments: [],
                                             notebook: Notebook(root: root))
            #expect(late.path == "weeks/2026/2026-W53.md")
            #expect(late["week"]?.string == "2026-W53")
        }
    }

    @Test func experimentPathUsesTheTitleSlug() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .experiment, date: nov22, title: "Warmup ablation",
                                             assignments: [("predicted_failure", "instability"), ("p_success", "0.4")],
                                             notebook: Notebook(root: root))
            #expect(note.path == "experiments/2026/2026-11-22-warmup-ablation.md")
            #expect(note["kind"]?.string == "experiment")
            #expect(note["date"]?.date == nov22)
            #expect(note.title == "Warmup ablation")
            #expect(note["status"]?.string == "planned")
            #expect(note["predicted_failure"]?.string == "instability")
            #expect(note["p_success"]?.double == 0.4)
            #expect(note.text == """
                ---
                kind: experiment
                date: 2026-11-22
                title: Warmup ablation
                hypothesis:
                predicted_failure: instability
                p_success: 0.4
                status: planned
                timebox_h:
                tags: []
                ---

                # Warmup ablation

                ## Plan

                ## Log

                ## Result

                """)
        }
    }

    @Test func experimentWithoutAUsableTitleGetsAGenericName() throws {
        try TempFolder.with { root in
            let untitled = try EntryFactory.make(kind: .experiment, date: nov22, title: nil, assignments: [],
                                                 notebook: Notebook(root: root))
            #expect(untitled.path == "experiments/2026/2026-11-22-experiment.md")
            let symbols = try EntryFactory.make(kind: .experiment, date: nov22, title: "!!!", assignments: [],
                                                notebook: Notebook(root: root))
            #expect(symbols.path == "experiments/2026/2026-11-22-experiment.md")
            #expect(symbols.title == "!!!")
        }
    }

    @Test func notePathUsesTheSlug() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .note, date: nov22, title: "Reading list", assignments: [("tags", "[books]")],
                                             notebook: Notebook(root: root))
            #expect(note.path == "notes/reading-list.md")
            #expect(note["kind"]?.string == "note")
            #expect(note["date"]?.date == nov22)
            #expect(note.title == "Reading list")
            #expect(note.tags == ["books"])
            #expect(note.text == "---\nkind: note\ndate: 2026-11-22\ntitle: Reading list\ntags: [books]\n---\n\n# Reading list\n")
        }
    }

    @Test func untitledNoteIsNamedAfterTheDate() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .note, date: nov22, title: nil, assignments: [], notebook: Notebook(root: root))
            #expect(note.path == "notes/2026-11-22.md")
            #expect(note.title == "2026-11-22")
        }
    }

    @Test func userKindGoesToNotesWithItsKind() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: "recipe", date: nov22, title: "Lentil soup", assignments: [],
                                             notebook: Notebook(root: root))
            #expect(note.path == "notes/lentil-soup.md")
            #expect(note["kind"]?.string == "recipe")
            #expect(note.kind == NoteKind(rawValue: "recipe"))
        }
    }

    @Test func refusedAssignmentThrows() throws {
        try TempFolder.with { root in
            #expect(throws: JournalError.invalidValue(key: "energy", value: "9", reason: "must be from 1 to 5, not 9")) {
                try EntryFactory.make(kind: .day, date: nov22, title: nil, assignments: [("energy", "9")],
                                      notebook: Notebook(root: root))
            }
            #expect(throws: JournalError.self) {
                try EntryFactory.make(kind: .day, date: nov22, title: nil, assignments: [("sick", "no")],
                                      notebook: Notebook(root: root))
            }
        }
    }

    @Test func titleWithAColonProducesValidFrontMatter() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .experiment, date: nov22, title: "Fix: tokenizer", assignments: [],
                                             notebook: Notebook(root: root))
            #expect(note.path == "experiments/2026/2026-11-22-fix-tokenizer.md")
            #expect(note.text.contains("\ntitle: \"Fix: tokenizer\"\n"))
            #expect(note.text.contains("\n# Fix: tokenizer\n"))
            let reread = try Note(parsing: note.text, path: note.path)
            #expect(reread.title == "Fix: tokenizer")
            #expect(reread.frontMatter?.keys == ["kind", "date", "title", "hypothesis", "predicted_failure", "p_success",
                                                 "status", "timebox_h", "tags"])
        }
    }

    @Test("titles YAML would misread round-trip through the front-matter",
          arguments: ["Fix: tokenizer", "#1 priority", "yes", "2026", "- dash first", "say \"hi\"", "50% done",
                      "[draft] plan", "a # not a comment", "back\\slash", "ends with colon:", "null"])
    func awkwardTitlesRoundTrip(title: String) throws {
        try TempFolder.with { root in
            for kind in [NoteKind.experiment, .note] {
                let note = try EntryFactory.make(kind: kind, date: nov22, title: title, assignments: [],
                                                 notebook: Notebook(root: root))
                let reread = try Note(parsing: note.text, path: note.path)
                #expect(reread["title"]?.string == title, "\(kind): \(note.text)")
                #expect(reread["kind"]?.string == kind.rawValue)
            }
        }
    }

    @Test func notebookTemplateOverridesTheBuiltInOne() throws {
        try TempFolder.with { root in
            try TempFolder.write("""
                ---
                kind: {{kind}}
                date: {{date}}
                mood:
                place: home
                ---

                # {{date}} ({{week}})

                """, at: ".hearth/templates/day.md", under: root)
            let notebook = Notebook(root: root)
            let note = try EntryFactory.make(kind: .day, date: nov22, title: nil, assignments: [("mood", "4")], notebook: notebook)
            #expect(note.path == "days/2026/2026-11-22.md")
            #expect(note.text == "---\nkind: day\ndate: 2026-11-22\nmood: 4\nplace: home\n---\n\n# 2026-11-22 (2026-W47)\n")

            // Other kinds keep the built-in template.
            let week = try EntryFactory.make(kind: .week, date: nov22, title: nil, assignments: [], notebook: notebook)
            #expect(week.text.hasPrefix("---\nkind: week\nweek: 2026-W47\n"))
        }
    }

    @Test func brokenNotebookTemplateIsReportedAgainstTheTemplate() throws {
        try TempFolder.with { root in
            try TempFolder.write("---\nkind: day\ndate: {{date}}\n", at: ".hearth/templates/day.md", under: root)
            let error = try #require(throws: NotebookError.self) {
                try EntryFactory.make(kind: .day, date: nov22, title: nil, assignments: [], notebook: Notebook(root: root))
            }
            guard case .unreadable(let diagnostic) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(diagnostic.path == ".hearth/templates/day.md")
            #expect(diagnostic.line == 1)
            #expect(diagnostic.message.hasPrefix("template: "))
            #expect(diagnostic.message.contains("never closed"))
        }
    }

    @Test("a fresh entry of each kind passes hearth check (an experiment only warns)",
          arguments: [NoteKind.day, .note, .experiment])
    func freshEntriesAreValid(kind: NoteKind) throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: kind, date: nov22, title: "Plan", assignments: [], notebook: Notebook(root: root))
            let errors = EntryValidator.problems(in: note).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test func freshWeekEntryPassesCheck() throws {
        try TempFolder.with { root in
            let note = try EntryFactory.make(kind: .week, date: nov22, title: nil, assignments: [], notebook: Notebook(root: root))
            #expect(note.text.contains("\nwho5: []\n"))
            let problems = EntryValidator.problems(in: note)
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    // MARK: assignments

    @Test func assignmentsSplitAtTheFirstEquals() throws {
        let pairs = try EntryFactory.assignments(["energy=3", "note=a=b", "bedtime=23:30", "tags=[a, b]", "mood="])
        #expect(pairs.map(\.0) == ["energy", "note", "bedtime", "tags", "mood"])
        #expect(pairs.map(\.1) == ["3", "a=b", "23:30", "[a, b]", ""])
        #expect(try EntryFactory.assignments([]).isEmpty)
    }

    @Test func assignmentsRejectMissingKeyOrEquals() {
        #expect(throws: JournalError.malformedAssignment("novalue")) {
            try EntryFactory.assignments(["energy=3", "novalue"])
        }
        #expect(throws: JournalError.malformedAssignment("=x")) {
            try EntryFactory.assignments(["=x"])
        }
        #expect(throws: JournalError.malformedAssignment("")) {
            try EntryFactory.assignments([""])
        }
    }
}

import JournalKit
import NoteKit
import Testing

@Suite("EntryValidator.problems(in:)")
struct EntryValidatorTests {
    /// Parses a note; line 1 of `text` is line 1 of the file.
    func note(_ text: String, at path: String) throws -> Note {
        try Note(parsing: text, path: path)
    }

    @Test func validDayHasNoProblems() throws {
        let day = try note("""
            ---
            kind: day
            date: 2026-11-22
            energy: 3
            mood: 4
            exhaustion: 0
            sleep_h: 7.5
            sick: false
            fever_c:
            who5: [9, 9]
            bedtime: "23:30"
            tags: [deadline, travel]
            ---

            ## Done
            - ship: tokenizer fix
            """, at: "days/2026/2026-11-22.md")
        // `who5` is a week key: on a day it is the user's own and not checked.
        #expect(EntryValidator.problems(in: day) == [])
    }

    @Test func energyNineIsReportedAtItsLine() throws {
        let day = try note("""
            ---
            kind: day
            date: 2026-11-22
            mood: 3
            energy: 9
            ---
            """, at: "days/2026/2026-11-22.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.path == "days/2026/2026-11-22.md")
        #expect(problem.line == 5)
        #expect(problem.severity == .error)
        #expect(problem.message == "energy must be from 1 to 5, not 9")
        #expect(problem.fix == .setField(key: "energy", value: "VALUE"))
    }

    @Test func everyBadValueIsReportedAtItsOwnLine() throws {
        let day = try note("""
            ---
            kind: day
            date: 2026-11-22
            sick: no
            sleep_h: 30
            tags:
              - ok
            flare: 7
            ---
            """, at: "days/2026/2026-11-22.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.map(\.line).sorted() == [4, 5, 8])
        #expect(problems.first { $0.line == 4 }?.message.hasPrefix("sick must be true or false") == true)
        #expect(problems.first { $0.line == 5 }?.message == "sleep_h must be from 0 to 24, not 30")
        #expect(problems.first { $0.line == 8 }?.message == "flare must be from 0 to 4, not 7")
    }

    @Test func dayFiledUnderAnotherDateIsReported() throws {
        let day = try note("""
            ---
            kind: day
            date: 2026-11-22
            energy: 3
            ---
            """, at: "days/2026/2026-11-21.md")
        let problems = EntryValidator.problems(in: day)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.line == 3 && $0.severity == .error })
        #expect(problems.contains { $0.message.contains("days/2026/2026-11-22.md") })
        #expect(problems.contains { $0.message.contains("2026-11-21") })
    }

    @Test func dayInTheWrongYearFolderIsReported() throws {
        let day = try note("---\nkind: day\ndate: 2026-11-22\n---\n", at: "days/2025/2026-11-22.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message == "day entry dated 2026-11-22 is at days/2025/2026-11-22.md but belongs at days/2026/2026-11-22.md")
    }

    @Test func dayWithoutAnyDateIsReported() throws {
        let day = try note("""
            ---
            kind: day
            energy: 3
            ---
            """, at: "days/2026/monday.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 1)
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.message.hasPrefix("day entry has no date") == true)
    }

    @Test func dayWithoutFrontMatterInDaysFolderNeedsADatedName() throws {
        let undated = try note("Felt fine.\n", at: "days/misc.md")
        #expect(EntryValidator.problems(in: undated).map(\.line) == [1])
        let dated = try note("Felt fine.\n", at: "days/2026/2026-11-22.md")
        #expect(EntryValidator.problems(in: dated) == [])
    }

    @Test func unparseableDateKeyOnADayIsReportedAtItsLine() throws {
        let day = try note("""
            ---
            kind: day
            energy: 3
            date: 22.11.2026
            ---
            """, at: "days/2026/2026-11-22.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.map(\.line) == [4])
        #expect(problems.first?.message == "date must be a date like 2026-11-22")
    }

    @Test func experimentWithoutPredictedFailureWarns() throws {
        let experiment = try note("""
            ---
            kind: experiment
            date: 2026-11-22
            title: Warmup ablation
            ---
            """, at: "experiments/2026/2026-11-22-warmup-ablation.md")
        let problems = EntryValidator.problems(in: experiment)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.line == 1)
        #expect(problems.first?.message.contains("predicted_failure") == true)
    }

    @Test func experimentWithEmptyPredictedFailureWarnsAtThatLine() throws {
        let experiment = try note("""
            ---
            kind: experiment
            date: 2026-11-22
            predicted_failure:
            ---
            """, at: "experiments/2026/2026-11-22-warmup.md")
        let problems = EntryValidator.problems(in: experiment)
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.map(\.line) == [4])
    }

    @Test func experimentWithPredictedFailureHasNoProblems() throws {
        let experiment = try note("""
            ---
            kind: experiment
            date: 2026-11-22
            title: Warmup ablation
            predicted_failure: instability
            p_success: 0.3
            ---
            """, at: "experiments/2026/2026-11-22-warmup-ablation.md")
        #expect(EntryValidator.problems(in: experiment) == [])
    }

    /// The failure modes are suggestions: any other text is a warning that names them, never an error.
    @Test func experimentWithAFailureModeOfItsOwnGetsOnlyASuggestion() throws {
        let experiment = try note("""
            ---
            kind: experiment
            date: 2026-11-22
            p_success: 1.5
            predicted_failure: flaky
            actual_failure: gpu out of memory
            ---
            """, at: "experiments/2026/2026-11-22-warmup.md")
        let problems = EntryValidator.problems(in: experiment)
        #expect(problems.map(\.line).sorted() == [4, 5, 6])
        #expect(problems.first { $0.line == 4 }?.message == "p_success must be from 0 to 1, not 1.5")
        #expect(problems.first { $0.line == 4 }?.severity == .error)
        let suggestion = try #require(problems.first { $0.line == 5 })
        #expect(suggestion.severity == .warning)
        #expect(suggestion.message.hasPrefix("predicted_failure 'flaky' is none of the usual words (bug, data, instability,"), "\(suggestion)")
        #expect(problems.first { $0.line == 6 }?.severity == .warning)
        #expect(FieldType.suggested(["bug"]).problem(with: .list([.plain("bug")])) == "must be text, not a list or map")
        #expect(FieldType.suggested(["bug"]).suggestion(for: .plain("bug")) == nil)
    }

    @Test func experimentDateDisagreeingWithFileNameIsReported() throws {
        let experiment = try note("""
            ---
            kind: experiment
            date: 2026-11-22
            predicted_failure: bug
            ---
            """, at: "experiments/2026/2026-11-20-warmup.md")
        let problems = EntryValidator.problems(in: experiment)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message == "date 2026-11-22 does not match the file name's 2026-11-20")
    }

    @Test func weekValuesAreChecked() throws {
        let week = try note("""
            ---
            kind: week
            week: 2026-W54
            who5: [3, 4, 2]
            ---
            """, at: "weeks/2026/2026-W47.md")
        let problems = EntryValidator.problems(in: week)
        #expect(problems.map(\.line).sorted() == [3, 4])
        #expect(problems.first { $0.line == 3 }?.message == "week must be an ISO week like 2026-W47")
        #expect(problems.first { $0.line == 4 }?.message == "who5 must list exactly 5 values, found 3")
    }

    @Test func userKeysAndNotesAreNotChecked() throws {
        let plain = try note("""
            ---
            title: Ideas
            energy: 99
            sick: maybe
            ---
            """, at: "notes/ideas.md")
        #expect(EntryValidator.problems(in: plain) == [])
    }

    @Test func aNearMissOfAKindsKeyIsAWarningNamingTheKeyMeant() throws {
        let day = try note("""
            ---
            kind: day
            date: 2026-11-22
            Mood: 4
            enrgy: 2
            bedtime: "23:30"
            walk_h: 1
            exhaustoin: 3
            ---
            """, at: "days/2026/2026-11-22.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.map(\.line) == [4, 5, 8])
        #expect(problems.allSatisfy { $0.severity == .warning })
        #expect(problems.map(\.message) == [
            "unknown key 'Mood'; did you mean mood?",
            "unknown key 'enrgy'; did you mean energy?",
            "unknown key 'exhaustoin'; did you mean exhaustion?",
        ])
        #expect(problems.first?.hint == "rename it to mood, or keep it if it is a key of your own")
    }

    @Test func experimentsAndWeeksAreHeldToTheirKeysToo() throws {
        let experiment = try note("---\nkind: experiment\ndate: 2026-11-22\npredicted_failure: bug\np_sucess: 0.5\n---\n",
                                  at: "experiments/2026/2026-11-22-x.md")
        #expect(EntryValidator.problems(in: experiment).map(\.message) == ["unknown key 'p_sucess'; did you mean p_success?"])
        let week = try note("---\nkind: week\nweek: 2026-W47\nwho_5: [1, 2, 3, 4, 5]\n---\n", at: "weeks/2026/2026-W47.md")
        #expect(EntryValidator.problems(in: week).map(\.message) == ["unknown key 'who_5'; did you mean who5?"])
    }

    @Test func notesAndUserKindsKeepAnyKeys() throws {
        let plain = try note("---\nTags: [x]\nTitel: Ideas\n---\n", at: "notes/ideas.md")
        #expect(EntryValidator.problems(in: plain) == [])
        let recipe = try note("---\nkind: recipe\nTags: [x]\n---\n", at: "recipes/soup.md")
        #expect(EntryValidator.problems(in: recipe) == [])
    }

    @Test func aDayDateThatDoesNotExistIsCalledThat() throws {
        let day = try note("---\nkind: day\ndate: 2026-02-30\n---\n", at: "days/2026/2026-02-28.md")
        let problems = EntryValidator.problems(in: day)
        #expect(problems.first?.message == "date must be a day that exists (2026-02-30 is not a date: February 2026 has 28 days)")
    }
}

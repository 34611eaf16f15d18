import Foundation
import Testing

/// `hearth review` end to end on a copy of `Fixtures/journal` (today pinned to 2026-11-22, no colour).
/// The figures are worked out by hand in Tests/JournalKitTests/ReviewCalculatorTests.swift.
@Suite struct ReviewCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/journal").standardizedFileURL
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/journal-golden").standardizedFileURL

    /// A temporary copy of the fixture notebook, less `removing`.
    func notebook(removing paths: [String] = []) throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook()
        try FileManager.default.copyItem(at: Self.fixture, to: notebook.root)
        for path in paths { try FileManager.default.removeItem(at: notebook.url(path)) }
        return notebook
    }

    func golden(_ name: String) throws -> Data {
        try Data(contentsOf: Self.goldens.appendingPathComponent(name))
    }

    /// Every line within 80 columns.
    func expectWithin80Columns(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let wide = text.components(separatedBy: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(wide)", sourceLocation: sourceLocation)
    }

    // MARK: - Golden terminal output

    /// Fixtures/journal-golden/review.txt was generated once from the binary and then read line by
    /// line against the hand-computed figures (levels 2.0/2.2/2.8/2.0/1.2/6.2 with n 6/6/6/5/6/5 and
    /// sparklines, W47 52 h > 50 h, the 12 h day, burners 52/4/6/0 h = 84/6/10/0 % with friends cold
    /// for 8 days, 8 done items 63 % invisible, 4 grateful 2 learned, resurfaced items all <= 10-23,
    /// on this day 2025, 4 of 5 flagged and 5 of the last 7, WHO-5 40 % -16, health 2/4 1/3 4/6,
    /// experiments 2 of 4, Brier 0.30, x1.38, x1.33, the deadline effects, and the heatmap cells).
    @Test func defaultReviewMatchesTheCheckedGolden() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdoutData == (try golden("review.txt")), "\(result.stdout)")
        #expect(!result.stdoutData.contains(0x1B))
        expectWithin80Columns(result.stdout)
        // A few hand-computed lines, so a regenerated golden cannot silently change them.
        let lines = result.stdoutLines
        #expect(lines.contains("Logged 6 of 7 days"))
        #expect(lines.contains("mood           2.0   6     3.0   7   ↓ -1.0   ▃▃▁ ▅▃▃"))
        #expect(lines.contains("2026-W47          52    6/7      40   > 50 h (output per hour falls)"))
        #expect(lines.contains("friends            0     0%   6   cold: 8 logged days at zero"))
        #expect(lines.contains("4 of 5 rated days with exhaustion >= 3, cynicism >= 2, efficacy <= 1"))
    }

    /// Fixtures/journal-golden/review-weeks2.txt was generated once from the binary and then read
    /// line by line against the hand-computed figures (13 of 14 days; mood 33/13 = 2.5 vs 41/12 = 3.4;
    /// energy 34/13 = 2.6 vs 3.25 = 3.3; sleep -0.458 shown -0.5 without an arrow; W46 56 h with
    /// target 45, >= 55 h and no day off; burners 108/8/12/3.5 h = 82/6/9/3 %; 13 done items 62 %
    /// invisible; 6 of 12 flagged; WHO-5 56 % -4 and 40 % -16; glucose 5 of 8 = 63 %; deadline
    /// 2.2 vs 2.8 and 2.2 vs 2.9, travel 3.0 vs 2.4 and 3.0 vs 2.5).
    @Test func twoWeekReviewMatchesTheCheckedGolden() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review", "--weeks", "2")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutData == (try golden("review-weeks2.txt")), "\(result.stdout)")
        #expect(!result.stdoutData.contains(0x1B))
        expectWithin80Columns(result.stdout)
        let lines = result.stdoutLines
        #expect(lines.contains("2026-W46          56    7/7      45   >= 55 h (stroke/heart risk), no day off"))
        #expect(lines.contains("sleep_h        6.7  12     7.1  12     -0.5   ▅▅▅▅▅▅▅▅▄▄ ▅ ▅"))
    }

    // MARK: - JSON and Markdown

    @Test func jsonCarriesTheHandComputedFigures() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review", "--json")
        #expect(result.status == 0, "\(result)")
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(root["logged_days"] as? Int == 6)
        let levels = try #require(root["levels"] as? [[String: Any]])
        let mood = try #require(levels.first { $0["key"] as? String == "mood" })
        #expect(mood["mean"] as? Double == 2.0)          // 12/6
        #expect(mood["n"] as? Int == 6)
        #expect(mood["previous_mean"] as? Double == 3.0) // 21/7
        #expect(mood["direction"] as? Int == -1)
        let energy = try #require(levels.first { $0["key"] as? String == "energy" })
        #expect(energy["mean"] as? Double == 2.167)      // 13/6 to three decimals
        let sleepQ = try #require(levels.first { $0["key"] as? String == "sleep_q" })
        #expect(sleepQ["mean"] is NSNull)                // n 2, below 3
        #expect(sleepQ["n"] as? Int == 2)
        let weeks = try #require(root["weeks"] as? [[String: Any]])
        #expect(weeks.count == 1)
        #expect(weeks.first?["work_h"] as? Double == 52)
        #expect(weeks.first?["over_50h"] as? Bool == true)
        #expect(weeks.first?["risk_55h"] as? Bool == false)
        #expect(weeks.first?["had_day_off"] is NSNull)
        let burners = try #require(root["burners"] as? [[String: Any]])
        let friends = try #require(burners.first { $0["name"] as? String == "friends" })
        #expect(friends["zero_run"] as? Int == 8)
        #expect(friends["cold"] as? Bool == true)
        #expect(burners.first { $0["name"] as? String == "work" }?["share"] as? Double == 0.839) // 52/62
        let done = try #require(root["done"] as? [String: Any])
        #expect(done["total"] as? Int == 8)
        #expect(done["invisible"] as? Int == 5)
        #expect(done["invisible_share"] as? Double == 0.625)
        let signals = try #require(root["signals"] as? [String: Any])
        #expect(signals["recent_flagged"] as? Int == 5)
        #expect(signals["suggest_who5"] as? Bool == true)
        let who5 = try #require(root["who5"] as? [[String: Any]])
        #expect(who5.map { $0["raw"] as? Int } == [10])
        #expect(who5.first?["change"] as? Int == -16)
        let health = try #require(root["health"] as? [String: Any])
        #expect(health["glucose_in_range"] as? Int == 4)
        #expect(health["glucose_readings"] as? Int == 6)
        let experiments = try #require(root["experiments"] as? [String: Any])
        #expect(experiments["brier"] as? Double == 0.297)  // 0.89/3
        #expect(experiments["time_overrun"] as? Double == 1.375)
        #expect((root["factors"] as? [Any])?.count == 2)
        #expect((root["correlations"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonOverFourWeeksShowsCorrelationsWithTheirN() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review", "--weeks", "4", "--json")
        #expect(result.status == 0, "\(result)")
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let correlations = try #require(root["correlations"] as? [[String: Any]])
        // r by the computational formula from the raw pairs listed in ReviewCalculatorTests:
        // sleep/energy 381.5/√(395.75·455) = 0.899 (n 24), sleep/mood 312/√(395.75·432) = 0.755 (n 24),
        // work/mood −887/√(5543.5·474) = −0.547 (n 25); work/exhaustion has 13 pairs: hidden.
        #expect(correlations.map { $0["n"] as? Int } == [24, 24, 25])
        #expect(correlations.map { $0["r"] as? Double } == [0.899, 0.755, -0.547])
        #expect(correlations.map { "\($0["first"] ?? "")/\($0["second"] ?? "")" } == ["sleep_h/energy", "sleep_h/mood", "work_h/mood"])
    }

    @Test func markdownHasTheLevelsTable() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review", "--md")
        #expect(result.status == 0, "\(result)")
        let text = result.stdout
        #expect(text.hasPrefix("## Review 2026-11-16 to 2026-11-22\n"))
        #expect(text.contains("| level | mean | n | previous | n | change |\n|---|---:|---:|---:|---:|---:|\n"))
        #expect(text.contains("| mood | 2.0 | 6 | 3.0 | 7 | -1.0 |\n"))
        #expect(text.contains("| cynicism | 2.0 | 5 | 1.3 | 7 | +0.7 |\n"))
        #expect(text.contains("| sleep_q | – | 2 | 3.0 | 3 | – |\n"))
        #expect(text.contains("- friends: 0 h (0%), n=6; cold: 8 logged days at zero\n"))
        #expect(!result.stdoutData.contains(0x1B))
    }

    // MARK: - --write

    @Test func writeCreatesThisWeeksEntryOnlyWhenAbsent() throws {
        let notebook = try notebook(removing: ["weeks/2026/2026-W47.md"])
        let before = try notebook.snapshot()
        let first = try notebook.hearth("review", "--write")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "weeks/2026/2026-W47.md\n")
        let after = try notebook.snapshot()
        #expect(Set(after.keys).subtracting(before.keys) == ["weeks/2026/2026-W47.md"])
        #expect(before.allSatisfy { after[$0.key] == $0.value })
        let text = try notebook.text("weeks/2026/2026-W47.md")
        #expect(text.hasPrefix("---\nkind: week\nweek: 2026-W47\n"), "\(text)")
        #expect(text.contains("## Review 2026-11-16 to 2026-11-22\n"))
        #expect(text.contains("| mood | 2.0 | 6 | 3.0 | 7 | -1.0 |\n"))
        #expect(text.contains("- 2026-W47: 52 h of work on 6 logged days (target 40 h); > 50 h (output per hour falls)\n"))

        let second = try notebook.hearth("review", "--write")
        #expect(second.status == 1, "\(second)")
        #expect(second.stdout.isEmpty)
        #expect(try notebook.snapshot() == after)

        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.isEmpty, "\(check.stdout)")
    }

    @Test func writeAsksTheFiveWHO5QuestionsWhenItsWho5IsEmpty() throws {
        let notebook = try notebook(removing: ["weeks/2026/2026-W47.md"])
        let result = try notebook.hearth("review", "--write")
        #expect(result.status == 0 && result.stdout == "weeks/2026/2026-W47.md\n", "\(result)")
        #expect(try notebook.text("weeks/2026/2026-W47.md").contains("\nwho5: []\n"))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropFirst().prefix(5)) == [
            "  1. I have felt cheerful and in good spirits",
            "  2. I have felt calm and relaxed",
            "  3. I have felt active and vigorous",
            "  4. I woke up feeling fresh and rested",
            "  5. My daily life has been filled with things that interest me",
        ], "\(result.stderr)")
        #expect(lines.first?.contains("Over the last two weeks") == true, "\(result.stderr)")
        #expect(result.stderr.contains("Answer each 0-5: 5 all of the time, 4 most of the time, 3 more than half of the time, "
                                       + "2 less than half of the time, 1 some of the time, 0 at no time."), "\(result.stderr)")
        #expect(result.stderr.contains("below 13 (52%) is low well-being"), "\(result.stderr)")
        #expect(result.stderr.contains("a change of 10 percentage points or more is meaningful"), "\(result.stderr)")

        // The command it suggests fills it in, and check accepts the answers.
        try notebook.hearth("set", "weeks/2026/2026-W47.md", "who5=[3, 4, 2, 3, 4]").requireSuccess()
        #expect(try notebook.text("weeks/2026/2026-W47.md").contains("\nwho5: [3, 4, 2, 3, 4]\n"))
        #expect(try notebook.hearth("check").status == 0)
    }

    /// A notebook whose week template already answers who5: nothing to ask.
    @Test func writeAsksNothingWhenTheTemplateFillsWho5() throws {
        let notebook = try notebook(removing: ["weeks/2026/2026-W47.md"])
        try notebook.write(".hearth/templates/week.md", "---\nkind: week\nweek: {{week}}\ndate: {{date}}\nwho5: [3, 3, 3, 3, 3]\n---\n")
        let result = try notebook.hearth("review", "--write")
        #expect(result.status == 0 && result.stdout == "weeks/2026/2026-W47.md\n", "\(result)")
        #expect(try notebook.text("weeks/2026/2026-W47.md").contains("\nwho5: [3, 3, 3, 3, 3]\n"))
        #expect(!result.stderr.contains("WHO-5"), "\(result.stderr)")
    }

    @Test func writeNeverOverwritesTheFixturesWeekEntry() throws {
        let notebook = try notebook()
        let before = try notebook.snapshot()
        let result = try notebook.hearth("review", "--write")
        #expect(result.status == 1, "\(result)")
        #expect(try notebook.snapshot() == before)
    }

    // MARK: - --brag

    @Test func bragGroupsDoneItemsByCategory() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review", "--brag", "--since", "2026-10-01")
        #expect(result.status == 0, "\(result)")
        // Every done item from 10-01 to 11-22, counted by hand from the fixture; 2025-11-22's
        // "year-end report" is before --since. Categories by count, ties by name; items by date.
        let expected = """
            # Done, 2026-10-01 to 2026-11-22

            25 items in 7 categories.

            ## ship (9)

            - 2026-10-12: draft proposal
            - 2026-10-19: parser fix
            - 2026-10-22: milestone demo
            - 2026-10-29: caching layer
            - 2026-11-05: deadline build
            - 2026-11-11: search index
            - 2026-11-13: v2 API
            - 2026-11-16: release 1.2
            - 2026-11-20: fix login

            ## review (4)

            - 2026-10-14: design doc
            - 2026-11-03: Ana's PR
            - 2026-11-09: budget proposal
            - 2026-11-20: PR 42

            ## chore (3)

            - 2026-10-20: renew passport
            - 2026-11-08: cleaned the garage
            - 2026-11-17: expense report

            ## help (3)

            - 2026-10-23: onboarding Sam
            - 2026-11-14: unblocked Ana
            - 2026-11-16: paired on a flaky test

            ## learn (3)

            - 2026-10-12: read about CRDTs
            - 2026-11-11: Rust lifetimes
            - 2026-11-22: sourdough basics

            ## read (2)

            - 2026-10-27: DDIA chapter 5
            - 2026-11-21: paper on burnout

            ## other (1)

            - 2026-11-20: tidied the desk

            """
        #expect(result.stdout == expected)
    }

    // MARK: - Usage errors

    @Test(arguments: [["--week", "--month"], ["--brag"], ["--weeks", "0"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let notebook = try notebook()
        let before = try notebook.snapshot()
        let result = try notebook.hearth(["review"] + arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(!result.stderr.isEmpty)
        #expect(try notebook.snapshot() == before)
    }
}

import Foundation
import TestSupport
import Testing

/// Dates as people say them, at their edges (issue 17 review): a week entry named by a week, a
/// count too far back, a window that ends before it starts, a day after today, through the real
/// binary. The notebook's today is pinned to Sunday 2026-11-22 (ISO week 2026-W47).
@Suite struct DateRangeTests {
    private func date(_ result: ProcessResult) throws -> String? {
        try result.requireSuccess()
        let entry = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
        return entry["date"] as? String
    }

    @Test func aWeekEntryIsNamedByAWeek() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let last = try notebook.hearth("new", "week", "--date", "last week", "--no-edit")
        #expect(last.status == 0 && last.stdout == "weeks/2026/2026-W46.md\n", "\(last)")
        let this = try notebook.hearth("new", "week", "--date", "This  Week", "--no-edit")
        #expect(this.status == 0 && this.stdout == "weeks/2026/2026-W47.md\n", "\(this)")
        // Any day of the week names it as well; the entry is opened, not made again.
        try notebook.hearth("set", "weeks/2026/2026-W46.md", "focus=ship").requireSuccess()
        let again = try notebook.hearth("new", "week", "--date", "7 days ago", "--no-edit")
        #expect(again.status == 0 && again.stdout == "weeks/2026/2026-W46.md\n", "\(again)")
        #expect(try notebook.text("weeks/2026/2026-W46.md").contains("focus: ship"))
        // show, edit, set and log find the week's entry by the same words.
        let shown = try notebook.hearth("show", "last week")
        #expect(shown.status == 0 && shown.stdout.contains("focus: ship"), "\(shown)")
        let edited = try notebook.hearth("edit", "Last Week")
        #expect(edited.status == 0 && edited.stdout == "weeks/2026/2026-W46.md\n", "\(edited)")
        try notebook.hearth("set", "this week", "focus=rest").requireSuccess()
        #expect(try notebook.text("weeks/2026/2026-W47.md").contains("focus: rest"))
        try notebook.hearth("sync").requireSuccess()
        let history = try notebook.hearth("log", "last week", "--json")
        #expect(history.status == 0 && history.stdout.contains("2026-W46"), "\(history)")
        // A week with no entry says which week it looked for; a day's command still wants a day.
        let before = try notebook.snapshot()
        let missing = try notebook.hearth("show", "last week", environment: ["HEARTH_TODAY": "2026-12-01"])
        #expect(missing.status == 1 && missing.stderr == "hearth: error: no entry for last week (2026-W48)\n", "\(missing)")
        let day = try notebook.hearth("new", "day", "--date", "last week", "--no-edit")
        #expect(day.status == 2 && day.stderrLines.first == "hearth: error: --date last week is a week, not a day: name one day, "
                + "such as last monday or 7 days ago (hearth new week --date takes a week)", "\(day)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func weeksCrossTheYearAsISOWeeks() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // Sunday 2027-01-03 closes ISO week 2026-W53; Monday 2027-01-04 opens 2027-W01.
        for (today, phrase, path) in [("2027-01-03", "this week", "weeks/2026/2026-W53.md"),
                                      ("2027-01-03", "last week", "weeks/2026/2026-W52.md"),
                                      ("2027-01-04", "last week", "weeks/2026/2026-W53.md"),
                                      ("2027-01-04", "this week", "weeks/2027/2027-W01.md")] {
            let result = try notebook.hearth(["new", "week", "--date", phrase, "--no-edit"], environment: ["HEARTH_TODAY": today])
            #expect(result.status == 0 && result.stdout == path + "\n", "\(today) \(phrase): \(result)")
        }
        // `last sunday` on a Sunday is a week back; `0 days ago` and `1 week ago` are read.
        let pinned = ["HEARTH_TODAY": "2027-01-03"]
        for (reference, day) in [("last sunday", "2026-12-27"), ("0 days ago", "2027-01-03"), ("1 week ago", "2026-12-27"),
                                 ("  YESTERDAY ", "2027-01-02")] {
            try notebook.hearth(["set", reference, "energy=3"], environment: pinned).requireSuccess()
            #expect(try date(notebook.hearth(["show", reference, "--json"], environment: pinned)) == day, "\(reference)")
        }
    }

    @Test(arguments: [
        (["jot", "--date", "100000 days ago", "x"], "--date 100000 days ago"),
        (["done", "--date", "20000 weeks ago", "ship", "x"], "--date 20000 weeks ago"),
        (["list", "--since", "99999999999999999999999 days ago"], "--since 99999999999999999999999 days ago"),
        (["log", "--until", "100000 days ago"], "--until 100000 days ago"),
        (["new", "day", "--date", "100000 Days  Ago", "--no-edit"], "--date 100000 Days  Ago"),
        (["show", "100000 days ago"], "100000 days ago"),
        (["set", "100000 days ago", "energy=2"], "100000 days ago"),
        (["show", "today", "--at", "100000 days ago"], "--at 100000 days ago"),
    ])
    func aCountTooFarBackIsOutOfRange(arguments: [String], named: String) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let before = try notebook.snapshot()
        let result = try notebook.hearth(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.first == "hearth: error: \(named) is out of range: a phrase counts back "
                + "0 to 99999 days (14285 weeks); name an older day by its date, such as 1700-01-01", "\(result)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func aPhraseOffTheCalendarIsOutOfRange() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let before = try notebook.snapshot()
        for (today, arguments, first) in [
            ("0001-01-01", ["show", "yesterday"], "yesterday falls outside the years 0001 to 9999"),
            ("0001-01-03", ["list", "--since", "last week"], "--since last week falls outside the years 0001 to 9999"),
            ("9999-12-31", ["new", "day", "--date", "tomorrow", "--no-edit"], "--date tomorrow falls outside the years 0001 to 9999"),
        ] {
            let result = try notebook.hearth(arguments, environment: ["HEARTH_TODAY": today])
            #expect(result.status == 2 && result.stderrLines.first == "hearth: error: " + first, "\(today) \(arguments): \(result)")
        }
        #expect(try notebook.snapshot() == before)
    }

    @Test(arguments: [["list"], ["tags"], ["export", "--format", "csv"], ["grep", "x"], ["grep", "x", "--history"], ["log"], ["review"]])
    func aWindowThatEndsBeforeItStartsIsRefused(command: [String]) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("jot", "--date", "2026-11-15", "x #tag").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let before = try notebook.snapshot()
        for (since, until, first) in [
            ("2026-11-20", "2026-11-10", "--since 2026-11-20 is after --until 2026-11-10"),
            ("this week", "last week", "--since this week (Monday 2026-11-16) is after --until last week (Sunday 2026-11-15)"),
        ] {
            let result = try notebook.hearth(command + ["--since", since, "--until", until])
            #expect(result.status == 2, "\(command) \(since)..\(until): \(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            #expect(result.stderrLines.first == "hearth: error: \(first): no day is in between; swap them, or leave one out", "\(result)")
        }
        #expect(try notebook.snapshot() == before)
        // One day is a window: the same day on both sides finds what it holds (grep --history
        // reads commit dates, and the commit was made on the clock's day, not on 2026-11-15).
        let day = try notebook.hearth(command + ["--since", "2026-11-15", "--until", "last sunday"])
        #expect(day.status == 0 || command.contains("--history") && day.status == 1 && day.stderr.isEmpty, "\(day)")
    }

    /// `review --since` a day after today with no `--until`: the window would end today, before
    /// it starts; the refusal names today, not an `--until` that was never given.
    @Test func aReviewSinceAfterTodayNamesToday() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let before = try notebook.snapshot()
        for output in [[], ["--json"], ["--html", "-"]] {
            let result = try notebook.hearth(["review", "--since", "2026-12-01"] + output)
            #expect(result.status == 2 && result.stdout.isEmpty, "\(output): \(result)")
            #expect(result.stderrLines.first == "hearth: error: --since 2026-12-01 is after today (Sunday 2026-11-22): a review looks back; give an earlier --since", "\(result)")
        }
        #expect(try notebook.snapshot() == before)
    }

    /// `--where 'date>=yesterday'` compares with the day the phrase names; a week gives the end
    /// the operator needs, and a week where one day is wanted is a usage error, not an empty list.
    @Test func aPhraseInWhereNamesItsDay() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        for day in ["2026-11-08", "2026-11-09", "2026-11-15", "2026-11-16", "2026-11-21", "2026-11-22"] {
            try notebook.hearth("new", "day", "--date", day, "--no-edit").requireSuccess()
        }
        func listed(_ condition: String) throws -> [String] {
            try notebook.hearth("list", "--where", condition).requireSuccess().stdoutLines.map { String($0.prefix(10)) }.sorted()
        }
        #expect(try listed("date>=yesterday") == ["2026-11-21", "2026-11-22"])
        #expect(try listed("date=yesterday") == ["2026-11-21"])
        #expect(try listed("date<=last week") == ["2026-11-08", "2026-11-09", "2026-11-15"])
        #expect(try listed("date>=last week") == ["2026-11-09", "2026-11-15", "2026-11-16", "2026-11-21", "2026-11-22"])
        #expect(try listed("date>last week") == ["2026-11-16", "2026-11-21", "2026-11-22"])
        #expect(try listed("date<last week") == ["2026-11-08"])
        // Text comparisons are left alone: ~ looks for the words.
        #expect(try listed("date~yesterday").isEmpty)
        let before = try notebook.snapshot()
        let week = try notebook.hearth("list", "--where", "date=last week")
        #expect(week.status == 2 && week.stdout.isEmpty, "\(week)")
        #expect(week.stderrLines.first?.contains("--where date=last week is a week, not a day") == true, "\(week)")
        let far = try notebook.hearth("list", "--where", "date>=100000 days ago")
        #expect(far.status == 2 && far.stderr.contains("out of range"), "\(far)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func spacesAroundADateCountForNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("jot", "--date", "2026-11-20", "x").requireSuccess()
        try notebook.hearth("jot", "--date", " 2026-11-21\t", "y").requireSuccess()
        #expect(notebook.exists("days/2026/2026-11-21.md"))
        let listed = try notebook.hearth("list", "--since", " 2026-11-21", "--until", "2026-11-21 ")
        #expect(listed.status == 0 && listed.stdoutLines.count == 1 && listed.stdout.contains("2026-11-21"), "\(listed)")
        #expect(try date(notebook.hearth("show", " 2026-11-20 ", "--json")) == "2026-11-20")
        let before = try notebook.snapshot()
        let mistake = try notebook.hearth("list", "--since", "2026-02-30 ")
        #expect(mistake.status == 2 && mistake.stderrLines.first == "hearth: error: --since " + DateMistakeTests.february30, "\(mistake)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func aDayAfterTodayIsPlannedWithNewNotLogged() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let before = try notebook.snapshot()
        let advice = "is after today (Sunday 2026-11-22): hearth logs days that have begun; hearth new day --date 2026-11-23 plans one ahead"
        for arguments in [["jot", "--date", "2026-11-23", "x"], ["done", "--date", "2026-11-23", "ship", "x"],
                          ["grateful", "--date", "2026-11-23", "x"], ["learned", "--date", "2026-11-23", "x"]] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 2 && result.stderrLines.first == "hearth: error: --date 2026-11-23 \(advice)", "\(arguments): \(result)")
        }
        let set = try notebook.hearth("set", "2026-11-23", "energy=3")
        #expect(set.status == 2 && set.stderrLines.first == "hearth: error: 2026-11-23 \(advice)", "\(set)")
        #expect(try notebook.snapshot() == before)
        // `new` plans it, by date or as tomorrow; once it exists, its date finds it everywhere.
        let planned = try notebook.hearth("new", "day", "--date", "2026-11-23", "--no-edit")
        #expect(planned.status == 0 && planned.stdout == "days/2026/2026-11-23.md\n", "\(planned)")
        try notebook.hearth("set", "2026-11-23", "energy=3").requireSuccess()
        #expect(try date(notebook.hearth("show", "2026-11-23", "--json")) == "2026-11-23")
        let listed = try notebook.hearth("list", "--since", "today", "--until", "2026-12-31", "--json")
        #expect(listed.status == 0 && listed.stdout.contains("2026-11-23"), "\(listed)")
        // Today's log is today's whatever the words.
        try notebook.hearth("jot", "--date", "2026-11-22", "--time", "10:00", "standup").requireSuccess()
        #expect(try notebook.text("days/2026/2026-11-22.md").contains("- 10:00 standup"))
    }
}

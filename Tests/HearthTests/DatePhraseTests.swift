import Foundation
import TestSupport
import Testing

/// Dates as people say them (issue 17): `yesterday`, `3 days ago`, `saturday`, `last week`,
/// `tomorrow` for `new`, through the real binary. The notebook's today is pinned to Sunday
/// 2026-11-22, so last week is Monday 2026-11-09 to Sunday 2026-11-15.
@Suite struct DatePhraseTests {
    private func json(_ result: ProcessResult) throws -> [String: Any] {
        try result.requireSuccess()
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
    }

    @Test func showFindsTheDayAPhraseNames() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("set", "yesterday", "energy=2").requireSuccess()
        try notebook.hearth("set", "2026-11-16", "energy=4").requireSuccess()
        #expect(notebook.exists("days/2026/2026-11-21.md"))
        for reference in ["yesterday", "saturday", "Last Saturday", "1 day ago", "a day ago"] {
            let shown = try notebook.hearth("show", reference, "--json")
            let entry = try json(shown)
            #expect(entry["date"] as? String == "2026-11-21", "\(reference): \(shown)")
        }
        // On a Sunday, `monday` is the one six days back, and `sunday` a week back (no entry).
        #expect(try json(notebook.hearth("show", "monday", "--json"))["date"] as? String == "2026-11-16")
        #expect(try json(notebook.hearth("show", "6 days ago", "--json"))["date"] as? String == "2026-11-16")
        let lastSunday = try notebook.hearth("show", "sunday")
        #expect(lastSunday.status == 1 && lastSunday.stderr == "hearth: error: no entry for sunday (Sunday 2026-11-15)\n", "\(lastSunday)")
        let history = try notebook.hearth("log", "2 weeks ago")
        #expect(history.status == 1 && history.stderr == "hearth: error: no entry for 2 weeks ago (Sunday 2026-11-08) now or in the notebook's history\n",
                "\(history)")
    }

    @Test func tomorrowIsForNewOnly() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let created = try notebook.hearth("new", "day", "--date", "tomorrow", "--no-edit")
        #expect(created.status == 0 && created.stdout == "days/2026/2026-11-23.md\n", "\(created)")
        #expect(try notebook.text("days/2026/2026-11-23.md").contains("date: 2026-11-23"))
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let before = try notebook.snapshot()
        let refusal = "only hearth new takes tomorrow (hearth new day --date tomorrow); the rest of hearth works on days that have begun"
        for (arguments, first) in [
            (["show", "tomorrow"], "hearth: error: tomorrow: " + refusal),
            (["edit", "tomorrow"], "hearth: error: tomorrow: " + refusal),
            (["set", "tomorrow", "energy=3"], "hearth: error: tomorrow: " + refusal),
            (["log", "tomorrow"], "hearth: error: tomorrow: " + refusal),
            (["jot", "--date", "tomorrow", "x"], "hearth: error: --date tomorrow: " + refusal),
            (["list", "--until", "tomorrow"], "hearth: error: --until tomorrow: " + refusal),
            (["show", "today", "--at", "tomorrow"], "hearth: error: --at tomorrow: " + refusal),
            (["show", "today", "--at", "last week"], "hearth: error: --at last week is a week, not a day: name one day, such as last monday or 7 days ago"),
            (["done", "--date", "this week", "ship", "x"],
             "hearth: error: --date this week is a week, not a day: name one day, such as last monday or 7 days ago (--since and --until take a week)"),
        ] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderrLines.first == first, "\(arguments): \(result)")
        }
        #expect(try notebook.snapshot() == before)
    }

    @Test func anUnknownWordListsTheFormsAndTheNearest() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let before = try notebook.snapshot()
        for (arguments, mistake, nearest) in [
            (["list", "--since", "yesterdy"], "--since yesterdy", "yesterday"),
            (["new", "day", "--date", "tomorow", "--no-edit"], "--date tomorow", "tomorrow"),
            (["log", "--since", "3 dys ago"], "--since 3 dys ago", "3 days ago"),
            (["review", "--since", "last wek"], "--since last wek", "last week"),
            (["jot", "--date", "wensday", "x"], "--date wensday", "wednesday"),
        ] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains("\(mistake) is not a day hearth reads; did you mean '\(nearest)'?"), "\(result)")
            #expect(result.stderr.contains("A day is one of: 2026-11-22, today, yesterday, 3 days ago, 2 weeks ago"), "\(result)")
        }
        // The forms listed are the ones the option takes: weeks for a window, tomorrow for new.
        let window = try notebook.hearth("grep", "x", "--since", "fortnight")
        #expect(window.status == 2 && window.stderr.contains("this week, last week (Monday to Sunday)"), "\(window)")
        #expect(!window.stderr.contains("did you mean"), "\(window)")
        let new = try notebook.hearth("new", "day", "--date", "someday", "--no-edit")
        #expect(new.status == 2 && new.stderr.contains(", tomorrow;") && !new.stderr.contains("last week"), "\(new)")
        let at = try notebook.hearth("show", "today", "--at", "yesterdy")
        #expect(at.status == 2 && at.stderr.contains("did you mean 'yesterday'?"), "\(at)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func logSinceTwoWeeksAgoCountsFromHearthToday() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        for (time, energy) in [("2030-11-01T10:00:00", 1), ("2030-11-10T10:00:00", 2)] {
            let environment = ["GIT_COMMITTER_DATE": time + "Z", "GIT_AUTHOR_DATE": time + "Z"]
            try notebook.hearth(["set", "today", "energy=\(energy)"], environment: environment).requireSuccess()
            try notebook.hearth(["sync"], environment: environment).requireSuccess()
        }
        let pinned = ["HEARTH_TODAY": "2030-11-20"]
        let everything = try notebook.hearth(["log", "--json"], environment: pinned)
        let phrase = try notebook.hearth(["log", "--json", "--since", "2 weeks ago"], environment: pinned)
        let date = try notebook.hearth(["log", "--json", "--since", "2030-11-06"], environment: pinned)
        try phrase.requireSuccess()
        #expect(phrase.stdout == date.stdout)
        let events = try #require(try JSONSerialization.jsonObject(with: phrase.stdoutData) as? [[String: Any]])
        let all = try #require(try JSONSerialization.jsonObject(with: everything.stdoutData) as? [[String: Any]])
        #expect(!events.isEmpty && events.count < all.count, "\(phrase)\n\(everything)")
        let until = try notebook.hearth(["log", "--json", "--until", "2 weeks ago"], environment: pinned)
        let untilEvents = try #require(try JSONSerialization.jsonObject(with: until.stdoutData) as? [[String: Any]])
        #expect(untilEvents.count + events.count == all.count, "\(until)")
    }

    @Test func reviewSinceLastWeekStartsOnItsMonday() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        for (day, energy) in [("2026-11-08", 1), ("2026-11-09", 2), ("2026-11-15", 4), ("2026-11-16", 5)] {
            try notebook.hearth("set", day, "energy=\(energy)").requireSuccess()
        }
        let week = try json(notebook.hearth("review", "--since", "last week", "--until", "last week", "--json"))
        let window = try #require(week["window"] as? [String: Any])
        #expect(window["start"] as? String == "2026-11-09" && window["end"] as? String == "2026-11-15", "\(week)")
        #expect(week["logged_days"] as? Int == 2)
        let levels = try #require(week["levels"] as? [[String: Any]])
        let energy = try #require(levels.first { $0["key"] as? String == "energy" })
        #expect(energy["n"] as? Int == 2)
        // Without --until, the window runs from last week's Monday to today.
        let since = try json(notebook.hearth("review", "--since", "last week", "--json"))
        let open = try #require(since["window"] as? [String: Any])
        #expect(open["start"] as? String == "2026-11-09" && open["end"] as? String == "2026-11-22", "\(since)")
        #expect(since["logged_days"] as? Int == 3)
        // `this week` as --since is this Monday; the list agrees with the review's days.
        let listed = try notebook.hearth("list", "--since", "this week", "--json")
        #expect(listed.status == 0 && listed.stdout.contains("2026-11-16") && !listed.stdout.contains("2026-11-15"), "\(listed)")
    }

    @Test func jotOnAPastDayWritesNoClockTimeUnlessGivenOne() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("jot", "--date", "yesterday", "call with Ana").requireSuccess()
        try notebook.hearth("jot", "--date", "2026-11-21", "--time", "9:05", "standup").requireSuccess()
        let past = try notebook.text("days/2026/2026-11-21.md")
        #expect(past.contains("## Log\n\n- call with Ana\n- 09:05 standup\n"), "\(past)")
        // Today's log keeps the clock's time; --time replaces it.
        try notebook.hearth("jot", "--time", "23:59", "late").requireSuccess()
        try notebook.hearth("jot", "now").requireSuccess()
        let today = try notebook.text("days/2026/2026-11-22.md")
        #expect(today.contains("## Log\n\n- 23:59 late\n- "), "\(today)")
        let line = try #require(today.split(separator: "\n").first { $0.hasSuffix(" now") })
        #expect(line.count == "- HH:MM now".count && line.dropFirst(4).first == ":", "\(line)")
        let before = try notebook.snapshot()
        for time in ["24:00", "12:60", "1205", "12:5", "noon", ""] {
            let result = try notebook.hearth("jot", "--time", time, "x")
            #expect(result.status == 2 && result.stderr.contains("--time \(time) is not a time like 14:05"), "\(time): \(result)")
        }
        #expect(try notebook.snapshot() == before)
    }
}

import Foundation
import NoteKit

/// Deterministic notebooks for the HTML review's browser tests, written straight into a
/// ``TemporaryNotebook`` (today pinned to 2026-11-22, a Sunday, the last day of 2026-W47).
///
/// `year`: 52 weeks of daily check-ins shaped like a demanding year: a 10-day holiday with no
/// entries and about one day in eleven not logged, fields sometimes left out; energy and mood
/// that sag in late winter; four weeks of 60-plus hours in March with 12-hour days, no day off,
/// the burnout signals on and friends and health at zero, friends again this November (a cold
/// burner now); done items of every category
/// (learning, reading, reviews, help and chores as well as shipping, and some without a
/// category); a WHO-5 check-in every fourth week; nine experiments, eight of them closed.
/// `nearlyEmpty`: two days, nothing else. The same code always writes the same bytes.
enum ReviewFixtureNotebook {
    static let today = "2026-11-22"

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func date(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }

    static func text(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func isoWeek(_ date: Date) -> String {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static let done: [(category: String?, items: [String])] = [
        ("ship", ["fix login", "release 2.3", "the export button", "migrate the queue", "the billing page"]),
        ("learn", ["Rust lifetimes", "a course on causal inference", "the new profiler", "SQL window functions"]),
        ("read", ["the attention paper", "a chapter of Designing Data-Intensive Applications", "the RFC on retries"]),
        ("review", ["PR 42", "the design doc for search", "Ana's experiment plan", "PR 118"]),
        ("help", ["paired with Sam on the flaky test", "answered the on-call questions", "onboarding call"]),
        ("chore", ["expense report", "renewed the certificates", "cleaned up the backlog", "updated dependencies"]),
        (nil, ["tidied the desk", "called the bank"]),
    ]

    /// The 52-week notebook.
    static func writeYear(to notebook: TemporaryNotebook) throws {
        var random = SplitMix64(seed: 17)
        try notebook.write("hearth.yaml", "version: 1\nwork_target_h: 40\n")
        let end = date(today)
        let start = calendar.date(byAdding: .day, value: -363, to: end)!
        let holiday = date("2026-08-03")...date("2026-08-12")
        let crunch = date("2026-03-02")...date("2026-03-29")
        var day = start
        var index = 0
        while day <= end {
            defer {
                day = calendar.date(byAdding: .day, value: 1, to: day)!
                index += 1
            }
            let inCrunch = crunch.contains(day)
            // The crunch is logged every day, as people do when they are worried.
            if holiday.contains(day) || (!inCrunch && random.unit() < 0.09) { continue }
            let weekday = calendar.component(.weekday, from: day)  // 1 Sunday ... 7 Saturday
            let weekend = weekday == 1 || weekday == 7
            let lately = day >= date("2026-11-01")
            // A seasonal sag, deepest at the end of February, lifting through the summer.
            let season = cos(Double(calendar.ordinality(of: .day, in: .year, for: day)! - 200) / 365 * 2 * .pi)
            let base = 3.4 - 0.8 * max(0, -season) - (inCrunch ? 1.2 : 0)
            func scale(_ centre: Double, _ range: ClosedRange<Int>) -> Int {
                min(range.upperBound, max(range.lowerBound, Int((centre + random.unit() * 1.6 - 0.8).rounded())))
            }
            var fields: [(String, String)] = []
            fields.append(("mood", String(scale(base, 1...5))))
            fields.append(("energy", String(scale(base - 0.2, 1...5))))
            fields.append(("exhaustion", String(scale(inCrunch ? 3.4 : 1.4, 0...4))))
            fields.append(("cynicism", String(scale(inCrunch ? 2.6 : 1.0, 0...4))))
            fields.append(("efficacy", String(scale(inCrunch ? 0.8 : 2.8, 0...4))))
            let work = inCrunch ? (weekend ? random.hours(5, 7) : random.hours(11, 12.5))
                : (weekend ? (random.unit() < 0.8 ? 0 : random.hours(1, 3)) : random.hours(6.5, 9.5))
            fields.append(("work_h", number(work)))
            fields.append(("deep_h", number(min(work, random.hours(0, 4)))))
            fields.append(("health_h", number(inCrunch || random.unit() < 0.3 ? 0 : random.hours(0.5, 1.5))))
            fields.append(("family_h", number(random.hours(inCrunch ? 0 : 1, inCrunch ? 1 : 3.5))))
            // Friends go cold in the crunch and again this November.
            fields.append(("friends_h", number(inCrunch || lately || random.unit() < 0.5 ? 0 : random.hours(0.5, 3))))
            fields.append(("sleep_h", number(random.hours(inCrunch ? 5 : 6.5, inCrunch ? 6.5 : 8.5))))
            fields.append(("sleep_q", String(scale(inCrunch ? 2 : 3.5, 1...5))))
            // People skip fields: a missing key means "not recorded", never zero.
            let alwaysKept: Set = ["work_h", "friends_h", "health_h"]
            fields = fields.filter { (inCrunch && alwaysKept.contains($0.0)) || random.unit() >= 0.06 }
            var tags: [String] = []
            if inCrunch { tags.append("deadline") }
            if random.unit() < 0.05 { tags.append("travel") }
            var lines = ["---", "kind: day", "date: \(text(day))"]
            lines += fields.map { "\($0.0): \($0.1)" }
            lines.append("tags: [\(tags.joined(separator: ", "))]")
            lines += ["---", "## Done"]
            for _ in 0..<random.int(weekend ? 0...1 : 1...4) {
                let group = random.pick(done)
                let item = random.pick(group.items)
                lines.append(group.category.map { "- \($0): \(item)" } ?? "- \(item)")
            }
            lines += ["", "## Grateful"]
            if random.unit() < 0.4 { lines.append("- " + random.pick(["a quiet train", "soup from a neighbour", "a long walk", "the first snow"])) }
            lines += ["", "## Learned"]
            if random.unit() < 0.2 { lines.append("- " + random.pick(["how tides work", "a new chord", "the history of the semicolon"])) }
            lines += ["", "## Log", "", "## Notes", ""]
            try notebook.write("days/\(text(day).prefix(4))/\(text(day)).md", lines.joined(separator: "\n"))
        }
        // WHO-5 every fourth week, lower after the crunch; written on the week's Sunday.
        var sunday = calendar.date(byAdding: .day, value: 6, to: start)!
        var week = 0
        while sunday <= end {
            defer {
                sunday = calendar.date(byAdding: .day, value: 7, to: sunday)!
                week += 1
            }
            guard week % 4 == 1 else { continue }
            let low = date("2026-03-01")...date("2026-04-19")
            let answers = (0..<5).map { _ in low.contains(sunday) ? random.int(1...3) : random.int(2...5) }
            let name = isoWeek(sunday)
            var lines = ["---", "kind: week", "week: \(name)", "date: \(text(sunday))",
                         "who5: [\(answers.map(String.init).joined(separator: ", "))]"]
            if low.contains(sunday) { lines.append("work_target_h: 45") }
            lines += ["---", "", "# Week \(name)", ""]
            try notebook.write("weeks/\(name.prefix(4))/\(name).md", lines.joined(separator: "\n"))
        }
        let modes = ["bug", "data", "instability", "no-effect", "underpowered", "infra", "eval", "scope"]
        // Six of the eight closed ones succeeded or failed outright: those make the Brier score.
        let outcomes = ["success", "failure", "failure", "success", "partial", "failure", "success", "inconclusive"]
        for number in 0..<9 {
            let started = calendar.date(byAdding: .day, value: 20 + number * 37, to: start)!
            let predicted = random.pick(modes)
            var lines = ["---", "kind: experiment", "date: \(text(started))", "title: Experiment \(number + 1)",
                         "hypothesis: the change helps", "predicted_failure: \(predicted)",
                         "p_success: \(random.pick(["0.3", "0.5", "0.6", "0.7", "0.8"]))"]
            if number < 8 {
                let outcome = outcomes[number]
                lines += ["status: done", "outcome: \(outcome)"]
                if outcome != "success" { lines.append("actual_failure: \(random.unit() < 0.4 ? predicted : random.pick(modes))") }
                lines += ["timebox_h: \(random.int(2...8))", "spent_h: \(random.int(2...14))",
                          "budget_gpu_h: \(random.int(1...4) * 10)", "gpu_h: \(random.int(1...8) * 10)"]
            } else {
                lines.append("status: running")
            }
            lines += ["---", "## Result", ""]
            let name = "\(text(started))-experiment-\(number + 1)"
            try notebook.write("experiments/\(name.prefix(4))/\(name).md", lines.joined(separator: "\n"))
        }
    }

    /// Two days and nothing else.
    static func writeNearlyEmpty(to notebook: TemporaryNotebook) throws {
        try notebook.write("hearth.yaml", "version: 1\n")
        try notebook.write("days/2026/2026-11-20.md", "---\nkind: day\ndate: 2026-11-20\nenergy: 3\nwork_h: 7\n---\n## Done\n- learn: a new chord\n")
        try notebook.write("days/2026/2026-11-21.md", "---\nkind: day\ndate: 2026-11-21\nmood: 4\n---\n")
    }
}

/// The draws the fixtures make, on NoteKit's seeded generator.
private extension SplitMix64 {
    /// A number in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    /// A value rounded to halves, as people log hours.
    mutating func hours(_ low: Double, _ high: Double) -> Double { ((low + unit() * (high - low)) * 2).rounded() / 2 }
}

import Foundation

/// Day entries shaped like real check-ins (journal.md), as `Scripts/generate-notebook.py` writes
/// them: a dozen numeric keys with gaps, tags, and Done/Grateful/Log/Notes sections.
///
/// Every value comes from the entry's index through a fixed mix, so each run and each machine
/// measures the same bytes, and a change in a benchmark's figures comes from the code, not the data.
public enum DayEntries {
    static let categories = ["ship", "learn", "read", "review", "help", "chore"]
    static let tags = ["deadline", "travel", "conference", "sick", "weekend", "offsite", "launch"]
    static let words = ("model tokenizer paper draft review refactor dataset gpu cluster seminar walk family dinner "
        + "friends run swim garden book notes meeting planning debug profile benchmark release").split(separator: " ").map(String.init)
    static let numericKeys = ["energy", "mood", "exhaustion", "cynicism", "efficacy", "sleep_h", "sleep_q",
                              "work_h", "deep_h", "family_h", "friends_h", "health_h"]

    /// The day `index` days after 2000-01-01, as `YYYY-MM-DD`.
    public static func date(_ index: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1))!
        let day = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: index, to: start)!)
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }

    /// The notebook-relative path of day `index`: `days/YYYY/YYYY-MM-DD.md`.
    public static func path(_ index: Int) -> String {
        let date = date(index)
        return "days/\(date.prefix(4))/\(date).md"
    }

    /// The text of day `index`'s entry.
    public static func text(_ index: Int) -> String {
        var mix = Mix(seed: UInt64(index))
        var lines = ["---", "kind: day", "date: \(date(index))"]
        for key in numericKeys where mix.below(10) < 9 {
            // Scores on 0-5, hours with one decimal, as the real keys are.
            let value = key.hasSuffix("_h") ? "\(mix.below(13)).\(mix.below(10))" : "\(mix.below(5) + 1)"
            lines.append("\(key): \(value)")
        }
        if mix.below(10) < 3 {
            lines.append(String(format: "bedtime: \"%02d:%02d\"", 22 + mix.below(2), mix.below(4) * 15))
        }
        let tagList = Set((0..<mix.below(4)).map { _ in tags[mix.below(tags.count)] }).sorted()
        lines.append("tags: [\(tagList.joined(separator: ", "))]")
        lines += ["---", "", "## Done"]
        for _ in 0...mix.below(5) {
            lines.append("- \(categories[mix.below(categories.count)]): \(sentence(&mix, 3 + mix.below(7)))")
        }
        lines += ["", "## Grateful", "- \(sentence(&mix, 3 + mix.below(6)))", "", "## Log"]
        for _ in 0..<mix.below(5) {
            lines.append("- \(10 + mix.below(12)):\(10 + mix.below(50)) \(sentence(&mix, 4 + mix.below(9)))")
        }
        lines += ["", "## Notes", sentence(&mix, 10 + mix.below(31)), ""]
        return lines.joined(separator: "\n")
    }

    /// `text` with `key` set to `value`: its line replaced, or added after `date:` when missing.
    public static func setting(_ key: String, to value: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ": ") }) {
            lines[index] = "\(key): \(value)"
        } else if let index = lines.firstIndex(where: { $0.hasPrefix("date: ") }) {
            lines.insert("\(key): \(value)", at: index + 1)
        }
        return lines.joined(separator: "\n")
    }

    /// `count` words from the fixed vocabulary.
    static func sentence(_ mix: inout Mix, _ count: Int) -> String {
        (0..<count).map { _ in words[mix.below(words.count)] }.joined(separator: " ")
    }
}

import NoteKit

/// Quick logging into a day entry without an editor: `done`, `jot`, `grateful`, `learned`.
/// Each is one surgical, atomic edit that appends a line to one section of the day's body.
public enum DayLog {
    /// The sections quick logging writes to, as journal.md names them.
    public enum Section: String, Sendable, CaseIterable {
        case done = "## Done"
        case grateful = "## Grateful"
        case learned = "## Learned"
        case log = "## Log"
    }

    /// Categories of the done list journal.md names; other single words are accepted too.
    public static let knownCategories = ["ship", "learn", "read", "review", "help", "chore"]
    /// The categories that count as "invisible" work in the review.
    public static let invisibleCategories: Set<String> = ["learn", "read", "review", "help", "chore"]

    /// Appends `line` (one line of text) to `section` of the day entry for `date`, creating the
    /// entry from the day template first when it does not exist. Returns the entry's path.
    @discardableResult
    public static func append(_ line: String, to section: Section, date: LocalDate, notebook: Notebook) throws -> String {
        guard !line.contains("\n"), !line.contains("\r") else {
            throw JournalError.invalidText("the text must be one line")
        }
        let path = NotebookLayout.path(for: .day, date: date, slug: nil)
        if !notebook.exists(path) {
            try notebook.create(try EntryFactory.make(kind: .day, date: date, title: nil, assignments: [], notebook: notebook))
        }
        try notebook.update(path) { note in
            if let open = MarkdownSection.unclosedFenceLine(in: note.body) {
                throw JournalError.unclosedCodeFence(path: path, line: note.bodyFirstLine + open - 1)
            }
            note.body = MarkdownSection.appending(line, toSection: section.rawValue, in: note.body)
        }
        return path
    }

    /// The `- HH:MM text` line of the interstitial log, on a 24-hour clock whatever the locale.
    public static func jotLine(_ text: String, hour: Int, minute: Int) -> String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "- \(twoDigits(hour)):\(twoDigits(minute)) \(text)"
    }

    /// The `- text` line of the interstitial log for a note whose time is not known (one written
    /// later for a past day): no time rather than the clock's, which would be a made-up one.
    public static func jotLine(_ text: String) -> String {
        "- \(text)"
    }

    /// Reads a time of day written `HH:MM` on a 24-hour clock (`9:05` too); nil for anything else.
    public static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        return (hour, minute)
    }

    /// The `- category: text` line of the done list, with the category checked.
    public static func doneLine(category: String, text: String) throws(JournalError) -> String {
        let valid = !category.isEmpty && category.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
        guard valid else {
            throw JournalError.invalidText("category '\(category)' must be one lowercase word, e.g. \(knownCategories.joined(separator: ", "))")
        }
        return "- \(category): \(text)"
    }
}

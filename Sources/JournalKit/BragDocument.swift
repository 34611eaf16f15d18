import NoteKit

/// `hearth review --brag`: every done item in a window, grouped by category, as Markdown to
/// paste into a promotion packet or a performance review.
public enum BragDocument {
    /// The Markdown document; categories by item count, items by date.
    public static func render(notes: [Note], window: DateRange) -> String {
        let items = notes.filter { $0.kind == .day }.compactMap(DayRecord.init(note:))
            .filter { window.contains($0.date) }
            .sorted { $0.date < $1.date }
            .flatMap(\.done)
        var byCategory: [String: [DoneItem]] = [:]
        for item in items { byCategory[item.category, default: []].append(item) }
        let categories = byCategory.keys.sorted { (byCategory[$0]!.count, $1) > (byCategory[$1]!.count, $0) }
        var out = "# Done, \(window.start) to \(window.end)\n\n\(items.count) items in \(categories.count) categories.\n"
        for category in categories {
            let group = byCategory[category]!
            out += "\n## \(category) (\(group.count))\n\n"
            for item in group { out += "- \(item.date): \(item.text)\n" }
        }
        return out
    }
}

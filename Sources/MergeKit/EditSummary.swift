import Foundation

/// What the side that kept editing an entry changed since the common version, for a
/// delete-vs-edit conflict: the record has no other way to show that side (its bytes are the
/// entry now, and may change again before anyone looks).
///
/// Derived only from the two versions, so both devices that merge the same histories write the
/// same text (and so the same record id).
enum EditSummary {
    /// The most changed lines the summary quotes; the rest are counted.
    static let shownLines = 6

    /// `edited: 2 lines added, 1 removed` and then the lines themselves, `+ ` or `- ` first.
    static func of(base: Data, edited: Data) -> String {
        if base.contains(0) || edited.contains(0) { return "edited (binary data), kept in the entry" }
        // An editor that switched to CRLF would otherwise show every line as removed and added.
        func unix(_ data: Data) -> String { String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n") }
        let lines = EntryComparison.bodyLines(from: unix(base), to: unix(edited))
        let added = lines.count { $0.added }
        let removed = lines.count - added
        // Only line endings or a missing last newline changed: nothing a line diff names.
        guard !lines.isEmpty else { return "edited (line endings or spacing only), kept in the entry" }
        var counts: [String] = []
        if added > 0 { counts.append("\(added) \(added == 1 ? "line" : "lines") added") }
        if removed > 0 { counts.append("\(removed) \(added > 0 ? "" : removed == 1 ? "line " : "lines ")removed") }
        var text = ["edited: " + counts.joined(separator: ", ")]
        text += lines.prefix(shownLines).map { ($0.added ? "+ " : "- ") + $0.text }
        if lines.count > shownLines { text.append("... and \(lines.count - shownLines) more changed lines") }
        return text.joined(separator: "\n")
    }
}

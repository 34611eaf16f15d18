import Foundation

/// The lines that delimit a text conflict in a merged file.
///
/// HTML comments keep the file readable Markdown (they do not render) and one fixed pattern,
/// `hearth:conflict`, finds every one of them; git's `<<<<<<<` markers would do neither.
package enum ConflictMarker {
    /// The fixed text every marker line contains.
    static let tag = "hearth:conflict"

    /// The line that opens a side's version: `<!-- hearth:conflict laptop 2026-11-22T10:15Z -->`.
    static func opening(_ side: MergeSide, newline: String) -> String {
        "<!-- \(tag) \(side.device) \(timestamp(side.time)) -->" + newline
    }

    /// The line that closes the conflict.
    static func end(newline: String) -> String {
        "<!-- \(tag) end -->" + newline
    }

    /// `yyyy-MM-dd'T'HH:mm'Z'` in UTC, built from calendar fields so no locale can change it.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):\(pad(parts.minute, 2))Z"
    }
}

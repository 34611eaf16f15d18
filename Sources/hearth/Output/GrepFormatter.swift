import Foundation
import HistoryKit
import NoteKit
import SyncKit

/// How `hearth grep` prints: `path:line:text` like grep -n, the matches in colour on a terminal;
/// with `--json` one JSON array.
struct GrepFormatter {
    /// Whether matches are coloured: asked once, since ``Terminal/usesColor`` asks the kernel
    /// whether the output is a terminal and a search can print thousands of lines.
    let usesColor: Bool

    init(terminal: Terminal) {
        usesColor = terminal.usesColor
    }

    // MARK: - Text

    /// One `path:line:text` line (`path:line:key: value` for a field), without its newline.
    func line(_ hit: GrepHit) -> String {
        var out = hit.path + ":" + paint(String(hit.line), .green) + ":"
        if let field = hit.field { out += field + ": " }
        out += painted(hit.text, hit.highlights)
        return out
    }

    /// A current match.
    func render(_ hit: GrepHit) -> String {
        line(hit) + "\n"
    }

    /// A match from history, with who added it and, when it is gone, who removed it.
    func render(_ match: HistoryMatch) -> String {
        var story = "added " + describe(match.added)
        if let removed = match.removed {
            story += "; removed " + describe(removed)
            // `on laptop, not yet committed` needs its comma before what follows.
            if match.entryDeleted { story += (removed.isUncommitted ? ", " : " ") + "with the whole entry" }
        } else {
            story += "; still there"
        }
        return line(match.hit) + "  " + paint("(" + story + ")", .dim) + "\n"
    }

    /// `2026-11-20 on laptop (1a2b3c4)`, or `on laptop, not yet committed`.
    private func describe(_ event: LineEvent) -> String {
        guard let commit = event.commit else {
            return (event.device.map { "on \($0), " } ?? "") + "not yet committed"
        }
        return "\(event.date.map(\.description) ?? "") on \(event.device ?? "unknown") (\(commit.prefix(7)))"
    }

    /// The text with its matches in red when colour is on.
    private func painted(_ text: String, _ highlights: [Range<Int>]) -> String {
        guard usesColor, !highlights.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out = ""
        var cursor = 0
        for range in highlights where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            out += String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self)
            out += paint(String(decoding: bytes[range], as: UTF8.self), .red)
            cursor = range.upperBound
        }
        out += String(decoding: bytes[cursor...], as: UTF8.self)
        return out
    }

    /// ``Terminal/paint(_:_:)`` with the colour decision made once.
    private func paint(_ text: String, _ color: Terminal.Color) -> String {
        Terminal.paint(text, color, enabled: usesColor)
    }

    // MARK: - JSON

    /// `{path, line, text, field?, kind, date}`.
    static func json(_ hit: GrepHit) -> JSONValue {
        .object(common(hit))
    }

    /// The current match's keys plus `present`, `entry_deleted`, `added` and `removed`.
    static func json(_ match: HistoryMatch) -> JSONValue {
        var pairs = common(match.hit)
        pairs.append(("present", .bool(match.isPresent)))
        pairs.append(("entry_deleted", .bool(match.entryDeleted)))
        pairs.append(("added", json(match.added)))
        pairs.append(("removed", match.removed.map(json) ?? .null))
        return .object(pairs)
    }

    private static func common(_ hit: GrepHit) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("path", .string(hit.path)), ("line", .int(hit.line)), ("text", .string(hit.text))]
        if let field = hit.field { pairs.append(("field", .string(field))) }
        pairs.append(("kind", .string(hit.kind.rawValue)))
        pairs.append(("date", hit.date.map { .string($0.description) } ?? .null))
        return pairs
    }

    /// `{commit, date, time, device}`; `commit`, `date` and `time` are null when not yet committed.
    private static func json(_ event: LineEvent) -> JSONValue {
        .object([
            ("commit", event.commit.map(JSONValue.string) ?? .null),
            ("date", event.date.map { .string($0.description) } ?? .null),
            ("time", event.time.map { .string(ISOTimestamp.utc($0)) } ?? .null),
            ("device", event.device.map(JSONValue.string) ?? .null),
        ])
    }
}

import Foundation
import HistoryKit
import MergeKit
import NoteKit
import SyncKit

/// How `hearth log` and `hearth diff` print history: in words, on the terminal or as JSON.
enum HistoryFormatter {
    /// One block per commit: id, local time, device (and for a merge, who met and what
    /// conflicted), then one line per entry; with `patch`, the body lines themselves.
    static func text(_ events: [HistoryEvent], patch: Bool, on terminal: Terminal) -> String {
        var lines: [String] = []
        for event in events {
            var head = terminal.paint(String(event.commit.description.prefix(7)), .yellow)
                + "  \(localTime(event.date))  " + terminal.paint(event.device, .bold)
            let count = event.conflicts.count
            if let merge = event.merge { head += "  merge: \(merge.devices.joined(separator: " met "))" }
            if count > 0 { head += (event.merge == nil ? "  " : ", ") + "\(count) \(count == 1 ? "conflict" : "conflicts")" }
            lines.append(head)
            for change in event.changes { lines += self.lines(change, patch: patch, on: terminal) }
            for conflict in event.conflicts {
                lines.append("    " + terminal.paint("conflict", .red) + " " + words(conflict))
            }
            if event.changes.isEmpty && event.conflicts.isEmpty {
                lines.append("    " + terminal.paint(event.merge == nil ? event.summary : "nothing to merge by hand: each side changed other entries", .dim))
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// One line per changed entry; with `patch`, the body lines.
    static func text(_ changes: [EntryChange], patch: Bool, on terminal: Terminal) -> String {
        let lines = changes.flatMap { self.lines($0, patch: patch, on: terminal, indent: "") }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private static func lines(_ change: EntryChange, patch: Bool, on terminal: Terminal, indent: String = "    ") -> [String] {
        var lines = [indent + change.words]
        guard patch else { return lines }
        for line in change.lines {
            lines.append(indent + "  " + terminal.paint((line.added ? "+ " : "- ") + line.text, line.added ? .green : .red))
        }
        return lines
    }

    /// `days/x.md energy: laptop 2 vs phone 4, kept phone`.
    static func words(_ conflict: MergeConflict) -> String {
        let what = conflict.field.map { " \($0)" } ?? " (\(conflict.kind.rawValue))"
        let sides = [conflict.first, conflict.second].map { side in
            let value = side.deleted ? "deleted" : conflict.kind == .field ? (side.value.isEmpty ? "(empty)" : side.value) : "its version"
            return "\(side.device) \(value)"
        }
        return "\(conflict.path)\(what): \(sides.joined(separator: " vs ")), kept \(conflict.kept)"
    }

    // MARK: JSON

    /// A commit as a JSON object.
    static func json(_ event: HistoryEvent, patch: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("commit", .string(event.commit.description)),
            ("date", .string(isoTime(event.date, offsetMinutes: event.timeZoneOffsetMinutes))),
            ("device", .string(event.device)),
            ("summary", .string(event.summary)),
        ]
        fields.append(("merge", event.merge.map { .object([("devices", .array($0.devices.map(JSONValue.string)))]) } ?? .null))
        fields.append(("conflicts", .array(event.conflicts.map(json))))
        fields.append(("changes", .array(event.changes.map { json($0, patch: patch) })))
        return .object(fields)
    }

    /// An entry's change as a JSON object; body lines only with `patch`, counts always.
    static func json(_ change: EntryChange, patch: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("status", .string(change.status.rawValue)),
            ("path", .string(change.path)),
            ("old_path", change.oldPath.map(JSONValue.string) ?? .null),
            ("words", .string(change.words)),
            ("fields", .array(change.fields.map { field in
                .object([
                    ("key", .string(field.key)),
                    ("old", field.old.map(JSONValue.string) ?? .null),
                    ("new", field.new.map(JSONValue.string) ?? .null),
                    ("added", .array(field.added.map(JSONValue.string))),
                    ("removed", .array(field.removed.map(JSONValue.string))),
                ])
            })),
            ("lines_added", .int(change.linesAdded)),
            ("lines_removed", .int(change.linesRemoved)),
            ("binary", .bool(change.isBinary)),
            ("line_endings", change.lineEndings.map(JSONValue.string) ?? .null),
        ]
        if patch {
            fields.append(("lines", .array(change.lines.map { .object([("added", .bool($0.added)), ("text", .string($0.text))]) })))
        }
        return .object(fields)
    }

    private static func json(_ conflict: MergeConflict) -> JSONValue {
        .object([
            ("path", .string(conflict.path)),
            ("kind", .string(conflict.kind.rawValue)),
            ("field", conflict.field.map(JSONValue.string) ?? .null),
            ("kept", .string(conflict.kept)),
            ("devices", .array([conflict.first.device, conflict.second.device].map(JSONValue.string))),
            ("words", .string(words(conflict))),
        ])
    }

    // MARK: Times

    /// `2026-11-22 14:05` in this machine's time zone.
    static func localTime(_ date: Date) -> String {
        let iso = ISOTimestamp.string(date, in: .current)
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5)
    }

    /// `2026-11-22T14:05:09+01:00` in the recording device's own offset.
    static func isoTime(_ date: Date, offsetMinutes: Int) -> String {
        ISOTimestamp.string(date, in: TimeZone(secondsFromGMT: offsetMinutes * 60) ?? .gmt)
    }
}

import Foundation
import NoteKit

/// A conflict as committed under `.hearth/conflicts/<id>.yaml`, so every device sees it and any
/// device can resolve it.
///
/// The text is derived only from the merged commits' data (paths, values, devices and commit
/// times), and the id is a hash of that text, so two devices that merge the same two histories
/// write byte-identical records. The format is flat YAML, one fact per line, for `grep`.
public struct ConflictRecord: Sendable, Hashable {
    /// The folder, relative to the notebook root, that holds the records.
    public static let folder = ".hearth/conflicts"

    /// 12 hex digits identifying the record (and naming its file).
    public let id: String
    /// What conflicted.
    public let conflict: MergeConflict

    /// The record for `conflict`.
    public init(_ conflict: MergeConflict) {
        self.conflict = conflict
        self.id = FNV1a.hex(ConflictRecord.body(of: conflict).utf8, digits: 12)
    }

    /// The record's path relative to the notebook root.
    public var path: String { "\(ConflictRecord.folder)/\(id).yaml" }

    /// The file's text: a comment line, then the record.
    ///
    /// The comment is part of the record format, not the app's to choose: every device that
    /// records the same conflict must write the same bytes at the same path, or merging their
    /// histories would turn one conflict into two versions of its record. It speaks to a person
    /// who opens the file, in the words of the program that introduced the format.
    public var text: String {
        "# hearth conflict \(id): list with `hearth conflicts`, settle with `hearth resolve \(id) --keep DEVICE | --both | --edit`\n"
            + ConflictRecord.body(of: conflict)
    }

    /// Reads a record file back.
    ///
    /// - Throws: a `Diagnostic` (NoteKit) naming the file and line when a field is missing or malformed.
    public init(parsing text: String, path: String) throws(Diagnostic) {
        let fields = try FrontMatter(yamlFile: text, path: path)
        func string(_ key: String) throws(Diagnostic) -> String {
            guard let value = fields[key]?.scalar?.text else {
                throw Diagnostic(path: path, line: 1, message: "conflict record lacks '\(key)'",
                                 hint: "the record is damaged; delete it once the entry reads as you want")
            }
            return value
        }
        func side(_ prefix: String) throws(Diagnostic) -> ConflictSide {
            let timeText = try string("\(prefix)_time")
            guard let time = ISOTimestamp.parseUTC(timeText) else {
                throw Diagnostic(path: path, line: fields.entry("\(prefix)_time").map { fields.firstLine + $0.lines.lowerBound } ?? 1,
                                 message: "'\(timeText)' is not a time like 2026-11-22T10:15:00Z",
                                 hint: "the record is damaged; delete it once the entry reads as you want")
            }
            return ConflictSide(device: try string("\(prefix)_device"), time: time,
                                value: try string("\(prefix)_value"), deleted: try string("\(prefix)_deleted") == "true")
        }
        let kindText = try string("kind")
        guard let kind = MergeConflict.Kind(rawValue: kindText) else {
            throw Diagnostic(path: path, line: 1, message: "unknown conflict kind '\(kindText)'",
                             hint: "kinds are field, text, deleted and file")
        }
        let field = fields["field"]?.scalar?.text
        let conflict = MergeConflict(path: try string("path"), kind: kind, field: field?.isEmpty == false ? field : nil,
                                     first: try side("first"), second: try side("second"), kept: try string("kept"))
        self.init(conflict)
    }

    /// The record without its comment line: the part the id hashes.
    /// Values are YAML double-quoted scalars on one line: text with newlines stays greppable
    /// line by line in `git log -p`, and any text round-trips.
    private static func body(of conflict: MergeConflict) -> String {
        let quoted = YAMLWriter.quoted
        var lines = [
            "path: \(quoted(conflict.path))",
            "kind: \(conflict.kind.rawValue)",
        ]
        if let field = conflict.field { lines.append("field: \(quoted(field))") }
        lines.append("kept: \(quoted(conflict.kept))")
        for (prefix, side) in [("first", conflict.first), ("second", conflict.second)] {
            lines.append("\(prefix)_device: \(quoted(side.device))")
            lines.append("\(prefix)_time: \(ISOTimestamp.utc(side.time))")
            lines.append("\(prefix)_deleted: \(side.deleted)")
            lines.append("\(prefix)_value: \(quoted(side.value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

}

import Foundation
import MergeKit
import NoteKit

/// One open conflict as `hearth conflicts` and the sync summary show it.
public struct ConflictSummary: Sendable, Codable, Hashable {
    /// The record's id.
    public var id: String
    /// The entry it concerns.
    public var path: String
    /// field, text, deleted or file.
    public var kind: String
    /// The field, for field conflicts.
    public var field: String?
    /// The device whose version is in the entry now ("both" when both are).
    public var kept: String
    /// The two sides in canonical order.
    public var sides: [Side]
    /// The record file.
    public var recordPath: String

    /// One device's version.
    public struct Side: Sendable, Codable, Hashable {
        public var device: String
        public var time: String
        public var value: String
        public var deleted: Bool
    }

    /// The summary of a record.
    public init(_ record: ConflictRecord) {
        let conflict = record.conflict
        id = record.id
        path = conflict.path
        kind = conflict.kind.rawValue
        field = conflict.field
        kept = conflict.kept
        sides = [conflict.first, conflict.second].map {
            Side(device: $0.device, time: ISOTimestamp.utc($0.time), value: $0.value, deleted: $0.deleted)
        }
        recordPath = record.path
    }
}

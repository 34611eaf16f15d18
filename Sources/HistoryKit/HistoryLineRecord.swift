import Foundation
import NoteKit

/// What the history walk learns about one matching line of one entry, commit by commit.
struct HistoryLineRecord {
    /// The earliest commit that added it.
    var added: LineEvent?
    /// The latest commit that removed it.
    var removed: LineEvent?
    /// Whether that commit removed it by deleting the entry.
    var removedWithEntry = false
    /// The line as the newest version holding it has it (number, kind, date).
    var latest: GrepHit

    /// The record of a line the entry had under two names (its two sides before a merge): the
    /// earlier addition and the later removal.
    func combined(with other: HistoryLineRecord) -> HistoryLineRecord {
        var record = self
        if let theirs = other.added, record.added.map({ ($0.time ?? .distantFuture) > (theirs.time ?? .distantFuture) }) ?? true {
            record.added = theirs
        }
        if let theirs = other.removed, record.removed.map({ ($0.time ?? .distantPast) < (theirs.time ?? .distantPast) }) ?? true {
            record.removed = theirs
            record.removedWithEntry = other.removedWithEntry
        }
        return record
    }

    /// Moves the records of the lines at path `from` to path `to` (an entry renamed), combining
    /// them with any already there; false when `from` had none.
    @discardableResult
    static func move(_ records: inout [String: [String: HistoryLineRecord]], from: String, to: String) -> Bool {
        guard let moved = records.removeValue(forKey: from) else { return false }
        for (text, record) in moved { records[to, default: [:]][text] = records[to]?[text].map { $0.combined(with: record) } ?? record }
        return true
    }
}

import Foundation
import MergeKit
import Testing

/// Conflict records: the text both devices commit, read back exactly, with ids that depend
/// only on the conflict.
@Suite("Conflict records")
struct ConflictRecordTests {
    func conflict(_ first: String, _ second: String, kind: MergeConflict.Kind = .text) -> MergeConflict {
        MergeConflict(path: "days/2026/2026-11-22.md", kind: kind, field: kind == .field ? "energy" : nil,
                      first: ConflictSide(device: "laptop", time: Date(timeIntervalSince1970: 1_795_342_500), value: first),
                      second: ConflictSide(device: "desk", time: Date(timeIntervalSince1970: 1_795_342_620), value: second, deleted: false),
                      kept: "desk")
    }

    @Test("any text survives the round trip: quotes, backslashes, CRLF, tabs, controls, emoji, a BOM",
          arguments: ["plain", "\"quoted\" and \\backslash\\", "two\r\nlines\r\n", "tab\there", "bell\u{07}", "café ☕ 🔥", "\u{FEFF}bom", "", "- [a, b]: {c}"])
    func roundTrip(_ value: String) throws {
        let record = ConflictRecord(conflict(value, "other\n"))
        let parsed = try ConflictRecord(parsing: record.text, path: record.path)
        #expect(parsed == record)
        #expect(parsed.conflict.first.value == value)
        #expect(parsed.text == record.text)
    }

    @Test("the id and the bytes depend on the conflict only")
    func deterministic() {
        let a = ConflictRecord(conflict("3", "4", kind: .field))
        let b = ConflictRecord(conflict("3", "4", kind: .field))
        let c = ConflictRecord(conflict("3", "5", kind: .field))
        #expect(a.id == b.id && a.text == b.text)
        #expect(a.id != c.id)
        #expect(a.path == ".hearth/conflicts/\(a.id).yaml")
        #expect(a.id.count == 12 && a.id.allSatisfy(\.isHexDigit))
        #expect(a.text.contains("first_time: 2026-11-22T10:15:00Z\n"))
    }

    /// Ids name files on every device: a record written by an older hearth must keep its id, so
    /// these were computed by the code before the shared FNV-1a (a changed hash would show up here).
    @Test("the ids of known records never change")
    func pinnedIDs() {
        #expect(ConflictRecord(conflict("3", "4", kind: .field)).id == "3f9aecf98187")
        #expect(ConflictRecord(conflict("café ☕\n", "", kind: .text)).id == "31a197805f70")
    }

    @Test("a damaged record is reported with its file, not guessed at")
    func damaged() {
        let record = ConflictRecord(conflict("x", "y"))
        let broken = record.text.replacingOccurrences(of: "kind: text\n", with: "kind: sideways\n")
        #expect(throws: (any Error).self) { try ConflictRecord(parsing: broken, path: record.path) }
        let missing = record.text.replacingOccurrences(of: "first_device: \"laptop\"\n", with: "")
        #expect(throws: (any Error).self) { try ConflictRecord(parsing: missing, path: record.path) }
    }
}

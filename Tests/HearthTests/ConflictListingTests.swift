import Foundation
import TestSupport
import Testing

/// How `hearth conflicts` shows each side of a conflict: the built binary, two devices, a bare remote.
@Suite struct ConflictListingTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path

    /// Laptop deletes the day, desk edits it (a field and a line); both sync.
    @Test func aDeleteVersusEditConflictShowsWhatTheEditorChangedAndWhoDeleted() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try FileManager.default.removeItem(at: laptop.url(Self.path))
        try devices.desk("set", "today", "energy=5").requireSuccess()
        let edited = try devices.deskText(Self.path) + "- a line only the desk wrote\n"
        try Data(edited.utf8).write(to: devices.desk.appendingPathComponent(Self.path))
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()

        for directory in [laptop.root, devices.desk] {
            let listed = try laptop.hearth(["conflicts"], in: directory).requireSuccess().stdout
            let lines = listed.split(separator: "\n").map(String.init)
            #expect(!listed.contains("(empty)"), "\(listed)")
            let deskLine = try #require(lines.firstIndex { $0.hasPrefix("    desk ") }, "\(listed)")
            #expect(lines[deskLine].hasSuffix(": edited: 2 lines added, 1 removed"), "\(listed)")
            #expect(lines.contains("      + energy: 5"), "\(listed)")
            #expect(lines.contains("      - energy: 3"), "\(listed)")
            #expect(lines.contains("      + - a line only the desk wrote"), "\(listed)")
            let laptopLine = try #require(lines.first { $0.hasPrefix("    laptop ") }, "\(listed)")
            #expect(laptopLine.hasSuffix(": deleted the entry"), "\(listed)")

            let json = try laptop.hearth(["conflicts", "--json"], in: directory).requireSuccess()
            let conflicts = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
            let sides = try #require(conflicts.first?["sides"] as? [[String: Any]], "\(json)")
            let desk = try #require(sides.first { $0["device"] as? String == "desk" })
            #expect(desk["deleted"] as? Bool == false)
            #expect((desk["value"] as? String)?.hasPrefix("edited: 2 lines added, 1 removed\n") == true, "\(json)")
        }
    }

    /// A record written before the summary existed has "" for the editing side: it still reads
    /// as an edit that is in the entry, not as an empty version.
    @Test func anOlderRecordWithoutASummaryStillSaysTheEditIsInTheEntry() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write(".hearth/conflicts/0123456789ab.yaml", Self.record(path: Self.path, kind: "deleted", kept: "desk", sides: [
            ("desk", "2026-11-22T10:15:00Z", false, ""), ("laptop", "2026-11-22T10:20:00Z", true, ""),
        ]))
        let listed = try notebook.hearth("conflicts").requireSuccess().stdout
        #expect(listed.contains("    desk 2026-11-22T10:15:00Z: edited, kept in the entry\n"), "\(listed)")
        #expect(listed.contains("    laptop 2026-11-22T10:20:00Z: deleted the entry\n"), "\(listed)")
        #expect(!listed.contains("(empty)"), "\(listed)")
    }

    /// The text of a conflict record as a sync writes it (`.hearth/conflicts/ID.yaml`), for tests
    /// that need one without two devices; `sides` are device, time, deleted and value.
    static func record(path: String, kind: String, field: String? = nil, kept: String,
                       sides: [(device: String, time: String, deleted: Bool, value: String)]) -> String {
        var lines = ["path: \"\(path)\"", "kind: \(kind)"]
        if let field { lines.append("field: \"\(field)\"") }
        lines.append("kept: \"\(kept)\"")
        for (prefix, side) in zip(["first", "second"], sides) {
            lines += ["\(prefix)_device: \"\(side.device)\"", "\(prefix)_time: \(side.time)",
                      "\(prefix)_deleted: \(side.deleted)", "\(prefix)_value: \"\(side.value)\""]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

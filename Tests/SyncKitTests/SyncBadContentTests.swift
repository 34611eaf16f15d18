import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Entries a sync cannot parse or must not reinterpret, changed on two devices and synced through
/// a bare remote: every byte either device wrote survives somewhere (the entry, a conflict copy),
/// both devices end with the same files byte for byte, and the next sync has nothing to do.
@Suite("Sync: bad entry content", .badInputReport)
struct SyncBadContentTests {
    static let path = "days/2026/2026-11-22.md"
    static let entry = Array("---\nkind: day\ndate: 2026-11-22\nenergy: 3\nmood: 3\n---\n\n## Log\n- 09:10 started\n\n## Notes\nSlept badly.\n".utf8)

    /// Both devices start from `base` at `path`, then write `laptop` and `desk` there (nil:
    /// delete it); the laptop syncs, the desk merges, the laptop takes the merge. Checks what
    /// every case shares and hands the world to `body` for the case's own checks.
    func diverge(path: String = SyncBadContentTests.path, base: [UInt8], laptop: [UInt8]?, desk: [UInt8]?,
                 _ body: (SyncWorld, SyncReport) throws -> Void) throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            try world.write("laptop", path, bytes: base)
            try world.sync("laptop")
            try world.sync("desk")
            #expect(world.bytes("desk", path) == base, "the base did not arrive byte for byte")
            for (device, bytes) in [("laptop", laptop), ("desk", desk)] {
                if let bytes {
                    try world.write(device, path, bytes: bytes)
                } else {
                    try FileManager.default.removeItem(at: world.root(device).appending(path: path))
                }
            }
            try world.sync("laptop")
            let merge = try world.sync("desk")
            #expect(merge.outcome == .merged)
            try world.sync("laptop")
            try expectConverged(world)
            try body(world, merge)
        }
    }

    /// Same tree, same files byte for byte, nothing left to commit, clean repositories, and a
    /// further sync on each device changes nothing.
    func expectConverged(_ world: SyncWorld, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try world.tree("laptop") == world.tree("desk"), sourceLocation: sourceLocation)
        #expect(world.contents("laptop") == world.contents("desk"), "the devices' files differ", sourceLocation: sourceLocation)
        for device in ["laptop", "desk"] {
            #expect(try world.git(device)("status", "--porcelain").isEmpty, "\(device) has uncommitted changes", sourceLocation: sourceLocation)
            for path in world.files(device) {
                #expect(try world.committed(device, path) == world.bytes(device, path), "\(device):\(path) differs from HEAD",
                        sourceLocation: sourceLocation)
            }
            try world.fsck(device)
        }
        try world.fsck("remote.git")
        let head = try world.head("desk")
        for device in ["desk", "laptop"] {
            let again = try world.sync(device)
            #expect(again.outcome == .upToDate, "\(device): \(again.outcome)", sourceLocation: sourceLocation)
        }
        #expect(try world.head("desk") == head && world.head("laptop") == head, sourceLocation: sourceLocation)
    }

    /// The merge kept `second` at the path and `first`'s bytes beside it, recorded as a file conflict.
    func expectFileConflict(_ world: SyncWorld, laptop: [UInt8], desk: [UInt8], path: String = SyncBadContentTests.path,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        for device in ["laptop", "desk"] {
            #expect(world.holds(device, laptop), "\(device) lost the laptop's bytes", sourceLocation: sourceLocation)
            #expect(world.holds(device, desk), "\(device) lost the desk's bytes", sourceLocation: sourceLocation)
        }
        let records = try world.conflicts("laptop")
        #expect(records.count == 1 && records.first?.conflict.kind == .file && records.first?.conflict.path == path,
                "\(records.map(\.conflict))", sourceLocation: sourceLocation)
        if let record = records.first {
            // The record names both files, and each holds one side.
            let named = [record.conflict.first.value, record.conflict.second.value]
            #expect(Set(named.compactMap { world.bytes("desk", $0) }) == [laptop, desk], sourceLocation: sourceLocation)
        }
    }

    @Test("malformed YAML on one device, a key edit on the other: both files kept, recorded as a file conflict")
    func malformedYAML() throws {
        let laptop = Array(String(decoding: Self.entry, as: UTF8.self).replacingOccurrences(of: "energy: 3", with: "energy: [3").utf8)
        let desk = Array(String(decoding: Self.entry, as: UTF8.self).replacingOccurrences(of: "mood: 3", with: "mood: 4").utf8)
        try diverge(base: Self.entry, laptop: laptop, desk: desk) { world, merge throws in
            #expect(merge.newConflicts.count == 1)
            try expectFileConflict(world, laptop: laptop, desk: desk)
        }
    }

    @Test("front-matter never closed: the file is kept byte for byte beside the other device's edit")
    func unclosedFrontMatter() throws {
        let laptop = Array("---\nkind: day\ndate: 2026-11-22\nenergy: 3\nmood: 3\n\n## Log\n- 09:10 started\n- 10:00 forgot the closing line\n".utf8)
        let desk = Self.entry + Array("- desk line\n".utf8)
        try diverge(base: Self.entry, laptop: laptop, desk: desk) { world, _ throws in
            try expectFileConflict(world, laptop: laptop, desk: desk)
        }
    }

    @Test("an unclosed front-matter on both devices, edited differently: both kept")
    func unclosedOnBothSides() throws {
        let base = Array("---\ntitle: draft\n\nbody line\n".utf8)
        let laptop = base + Array("laptop line\n".utf8)
        let desk = base + Array("desk line\n".utf8)
        try diverge(path: "notes/draft.md", base: base, laptop: laptop, desk: desk) { world, _ throws in
            for device in ["laptop", "desk"] {
                #expect(world.holds(device, text: "laptop line") && world.holds(device, text: "desk line"), "\(device)")
            }
        }
    }

    @Test("invalid UTF-8 on one device: its bytes are kept exactly, the other device's edit too")
    func invalidUTF8() throws {
        var laptop = Self.entry
        laptop.insert(contentsOf: [0xFF, 0xFE, 0xC3, 0x28], at: laptop.count - 2)
        let desk = Self.entry + Array("- 11:00 desk\n".utf8)
        try diverge(base: Self.entry, laptop: laptop, desk: desk) { world, _ throws in
            try expectFileConflict(world, laptop: laptop, desk: desk)
        }
    }

    @Test("a UTF-8 BOM and CRLF line endings stay byte for byte through a merge on both devices")
    func bomAndCRLF() throws {
        func crlf(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        let base = crlf("---\nkind: day\ndate: 2026-11-22\nmood: 3\n---\n\n## Log\n- 09:10 started\n\n## Notes\nSlept badly.\n")
        let laptop = crlf("---\nkind: day\ndate: 2026-11-22\nmood: 4\n---\n\n## Log\n- 09:10 started\n\n## Notes\nSlept badly.\n")
        let desk = crlf("---\nkind: day\ndate: 2026-11-22\nmood: 3\n---\n\n## Log\n- 09:10 started\n- 11:00 desk\n\n## Notes\nSlept badly.\n")
        let expected = crlf("---\nkind: day\ndate: 2026-11-22\nmood: 4\n---\n\n## Log\n- 09:10 started\n- 11:00 desk\n\n## Notes\nSlept badly.\n")
        try diverge(base: base, laptop: laptop, desk: desk) { world, merge throws in
            #expect(merge.newConflicts.isEmpty)
            for device in ["laptop", "desk"] {
                #expect(world.bytes(device, Self.path) == expected, "\(device): \(world.read(device, Self.path) ?? "-")")
                #expect(try world.committed(device, Self.path) == expected)
            }
        }
    }

    @Test("CRLF and a BOM survive a sync even where git would convert line endings (core.autocrlf)")
    func crlfWithAutocrlf() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Windows\r\n---\r\nline\r\n".utf8)
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            try world.git("desk")("config", "core.autocrlf", "input")
            try world.write("laptop", "notes/win.md", bytes: bytes)
            try world.sync("laptop")
            try world.sync("desk")
            #expect(world.bytes("desk", "notes/win.md") == bytes)
            #expect(try world.committed("desk", "notes/win.md") == bytes)
            try world.write("desk", "notes/win.md", bytes: bytes + Array("desk\r\n".utf8))
            try world.sync("desk")
            try world.sync("laptop")
            #expect(world.bytes("laptop", "notes/win.md") == bytes + Array("desk\r\n".utf8), "the line endings changed on the way")
        }
    }

    @Test("a 20 MB entry travels byte for byte and merges with an edit made on the other device")
    func twentyMegabytes() throws {
        var big = Array("---\ntitle: Big\n---\n".utf8)
        var line = 0
        while big.count < 20 << 20 {
            big += Array("line \(line) of a very long entry, with some words to fill it out\n".utf8)
            line += 1
        }
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/small.md": "small\n"]) { world in
            try world.write("laptop", "notes/big.md", bytes: big)
            try world.write("desk", "notes/small.md", bytes: Array("small, edited on desk\n".utf8))
            try world.sync("laptop")
            let merge = try world.sync("desk")
            #expect(merge.outcome == .merged)
            #expect(world.bytes("desk", "notes/big.md") == big)
            #expect(try world.committed("desk", "notes/big.md") == big)
            try world.sync("laptop")
            #expect(world.bytes("laptop", "notes/small.md") == Array("small, edited on desk\n".utf8))
            #expect(try world.tree("laptop") == world.tree("desk"))
        }
    }

    @Test("a binary file named .md changed on one device, edited as text on the other: both kept")
    func binaryNamedMarkdown() throws {
        let laptop: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + (0..<4096).map { UInt8($0 % 256) }
        let desk = Self.entry + Array("- 11:00 desk\n".utf8)
        try diverge(base: Self.entry, laptop: laptop, desk: desk) { world, _ throws in
            try expectFileConflict(world, laptop: laptop, desk: desk)
        }
    }

    @Test("a binary .md on both devices, changed differently: both kept byte for byte")
    func binaryOnBothSides() throws {
        let base: [UInt8] = [0, 1, 2, 3, 0xFF]
        try diverge(path: "notes/blob.md", base: base, laptop: base + [9], desk: base + [8]) { world, _ throws in
            try expectFileConflict(world, laptop: base + [9], desk: base + [8], path: "notes/blob.md")
        }
    }

    @Test("an entry emptied on one device and edited on the other: the edit survives, nothing is lost")
    func emptiedEntry() throws {
        let desk = Self.entry + Array("- 11:00 desk\n".utf8)
        try diverge(base: Self.entry, laptop: [], desk: desk) { world, _ throws in
            for device in ["laptop", "desk"] {
                #expect(world.holds(device, text: "- 11:00 desk"), "\(device) lost the desk's line")
                #expect(world.bytes(device, Self.path) != nil, "\(device): the entry is gone")
            }
        }
    }

    @Test("an empty .md file created on one device arrives as an empty file, and stays")
    func emptyFileTravels() throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            try world.write("laptop", "notes/empty.md", bytes: [])
            let first = try world.sync("laptop")
            #expect(first.snapshot != nil)
            try world.sync("desk")
            #expect(world.bytes("desk", "notes/empty.md") == [])
            #expect(try world.committed("desk", "notes/empty.md") == [])
            // Both create the same empty file: no conflict, one empty file.
            try world.write("laptop", "notes/empty2.md", bytes: [])
            try world.write("desk", "notes/empty2.md", bytes: [])
            try world.sync("laptop")
            let merge = try world.sync("desk")
            #expect(merge.newConflicts.isEmpty)
            try world.sync("laptop")
            try expectConverged(world)
            #expect(world.bytes("laptop", "notes/empty2.md") == [])
        }
    }
}

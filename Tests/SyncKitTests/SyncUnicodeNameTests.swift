import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// File names that differ only in Unicode normalization (`café` as U+00E9, or as `e` and
/// U+0301) are two files to Linux and git, though Swift's `String ==` calls them equal: a sync
/// must keep both, each with its own bytes.
@Suite("Sync: names in NFC and NFD", .badInputReport)
struct SyncUnicodeNameTests {
    static let nfc = "notes/caf\u{E9}.md"
    static let nfd = "notes/cafe\u{301}.md"

    /// Whether a device has a file whose name is exactly `path`'s bytes, holding `text`.
    func has(_ world: SyncWorld, _ device: String, _ path: String, _ text: String) -> Bool {
        let full = Array((world.root(device).path(percentEncoded: false) + "/" + path).utf8)
        guard let bytes = try? FileSystem.read(String(decoding: full, as: UTF8.self)) else { return false }
        // FileSystem.read takes the path's UTF-8 bytes as written, so the form is kept.
        return bytes == Array(text.utf8)
    }

    /// The names in a device's notes folder, as raw UTF-8 bytes.
    func rawNames(_ world: SyncWorld, _ device: String) throws -> Set<[UInt8]> {
        let listing = try world.git(device).run(["ls-tree", "-z", "--name-only", "HEAD", "notes/"])
        return Set(listing.stdoutData.split(separator: 0).map { [UInt8]($0) })
    }

    /// The laptop creates both forms ("composed", "decomposed") and both devices sync.
    func bothFormsOnBothDevices(_ world: SyncWorld) throws {
        try world.write("laptop", Self.nfc, "composed\n")
        try world.write("laptop", Self.nfd, "decomposed\n")
        try world.sync("laptop")
        try world.sync("desk")
    }

    @Test("the same name in NFC on one device and NFD on the other: both files kept on both devices")
    func twoDevices() throws {
        #expect(Array(Self.nfc.utf8) != Array(Self.nfd.utf8))
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            try world.write("laptop", Self.nfc, "composed, from laptop\n")
            try world.write("desk", Self.nfd, "decomposed, from desk\n")
            try world.sync("laptop")
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(try rawNames(world, device) == [Array("notes/a.md".utf8), Array(Self.nfc.utf8), Array(Self.nfd.utf8)], "\(device)")
                #expect(has(world, device, Self.nfc, "composed, from laptop\n"), "\(device) lost the NFC file")
                #expect(has(world, device, Self.nfd, "decomposed, from desk\n"), "\(device) lost the NFD file")
                #expect(try world.git(device)("status", "--porcelain").isEmpty, "\(device)")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.sync("desk").outcome == .upToDate)
        }
    }

    @Test("both forms created on one device in one sync: both committed and sent")
    func oneDevice() throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            try bothFormsOnBothDevices(world)
            #expect(try rawNames(world, "laptop") == [Array(Self.nfc.utf8), Array(Self.nfd.utf8)])
            #expect(has(world, "desk", Self.nfc, "composed\n") && has(world, "desk", Self.nfd, "decomposed\n"))
            // Each edited on a different device: still two files, each edit where it was made.
            try world.write("laptop", Self.nfc, "composed, edited\n")
            try world.write("desk", Self.nfd, "decomposed, edited\n")
            try world.sync("laptop")
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(has(world, device, Self.nfc, "composed, edited\n") && has(world, device, Self.nfd, "decomposed, edited\n"), "\(device)")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
        }
    }

    @Test("both forms kept back read-only during a sync: each keeps its own pending base and gets its own edit")
    func bothFormsKeptBack() throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            try bothFormsOnBothDevices(world)
            func chmodBoth(_ mode: mode_t) {
                for path in [Self.nfc, Self.nfd] {
                    // chmod(2) with the name's own bytes: Foundation might normalize it.
                    _ = chmod(world.root("desk").path(percentEncoded: false) + "/" + path, mode)
                }
            }
            chmodBoth(0o444)
            try world.write("laptop", Self.nfc, "composed\nlaptop edit C\n")
            try world.write("laptop", Self.nfd, "decomposed\nlaptop edit D\n")
            try world.sync("laptop")
            let held = try world.sync("desk")
            #expect(held.keptLocal.count == 2, "\(held.keptLocal)")
            chmodBoth(0o644)
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(has(world, device, Self.nfc, "composed\nlaptop edit C\n"), "\(device): the NFC file lost its edit")
                #expect(has(world, device, Self.nfd, "decomposed\nlaptop edit D\n"), "\(device): the NFD file lost its edit")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
        }
    }
}

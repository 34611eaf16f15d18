import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Symbolic links pointing out of the notebook, committed or made locally in place of a tracked
/// file or folder: a sync never writes through one, and what both devices wrote is kept.
@Suite("Sync: links out of the notebook", .badInputReport)
struct SyncLinkTests {
    /// A folder outside every notebook with one file in it; returns the folder.
    func outsideFolder(_ world: SyncWorld) throws -> URL {
        let outside = world.base.appending(path: "outside", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("outside file\n".utf8).write(to: outside.appending(path: "target.md"))
        return outside
    }

    /// The outside folder's files and bytes.
    func listing(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false)) {
            result[name] = try Data(contentsOf: folder.appending(path: name))
        }
        return result
    }

    func link(_ world: SyncWorld, _ device: String, _ path: String, to target: URL) throws {
        let url = world.root(device).appending(path: path)
        if (try? FileManager.default.attributesOfItem(atPath: url.path(percentEncoded: false))) != nil {
            try FileManager.default.removeItem(at: url)
        }
        try FileManager.default.createSymbolicLink(atPath: url.path(percentEncoded: false), withDestinationPath: target.path(percentEncoded: false))
    }

    @Test("a tracked folder replaced locally by a link out: incoming files never land in the link's target, both sides kept")
    func folderReplacedByLink() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n", "notes/target.md": "inside\n"]) { world in
            let outside = try outsideFolder(world)
            let before = try listing(outside)
            try link(world, "desk", "notes", to: outside)
            try world.write("laptop", "notes/new.md", "new from laptop\n")
            try world.edit("laptop", "notes/a.md", replacing: "alpha\n", with: "alpha\nlaptop line\n")
            try world.edit("laptop", "notes/target.md", replacing: "inside\n", with: "inside, edited\n")
            try world.sync("laptop")
            let merge = try world.sync("desk")
            #expect(merge.outcome == .merged)
            #expect(try listing(outside) == before, "a file was written through the link")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                // The laptop's files, in a real folder again; the desk's link beside it.
                #expect(world.read(device, "notes/new.md") == "new from laptop\n", "\(device)")
                #expect(world.read(device, "notes/a.md") == "alpha\nlaptop line\n", "\(device)")
                #expect(world.read(device, "notes/target.md") == "inside, edited\n", "\(device)")
                let kept = world.root(device).appending(path: "notes.conflict-desk").path(percentEncoded: false)
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: kept) == outside.path(percentEncoded: false), "\(device)")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.conflicts("desk").contains { $0.conflict.kind == .file && $0.conflict.path == "notes" })
            #expect(try world.sync("desk").outcome == .upToDate)
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
            #expect(try listing(outside) == before)
        }
    }

    @Test("a tracked folder a device turned into a file while the other added to it: both kept, the sync does not get stuck")
    func folderReplacedByFile() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/garden/plan.md": "beans\n"]) { world in
            try FileManager.default.removeItem(at: world.root("desk").appending(path: "notes/garden"))
            try world.write("desk", "notes/garden", "now a file on desk\n")
            try world.write("laptop", "notes/garden/new.md", "peas\n")
            try world.sync("laptop")
            let merge = try world.sync("desk")
            #expect(merge.outcome == .merged)
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(world.read(device, "notes/garden/new.md") == "peas\n", "\(device)")
                #expect(world.read(device, "notes/garden.conflict-desk") == "now a file on desk\n", "\(device)")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.conflicts("laptop").contains { $0.conflict.kind == .file && $0.conflict.path == "notes/garden" })
            #expect(try world.sync("desk").outcome == .upToDate)
            try world.fsck("desk")
        }
    }

    @Test("a file a device turned into a folder while the other edited it: both kept")
    func fileReplacedByFolder() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/shed.md": "tools\n"]) { world in
            try FileManager.default.removeItem(at: world.root("desk").appending(path: "notes/shed.md"))
            try world.write("desk", "notes/shed.md/list.md", "rake\n")
            try world.write("laptop", "notes/shed.md", "tools\nladder\n")
            try world.sync("laptop")
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(world.read(device, "notes/shed.md/list.md") == "rake\n", "\(device)")
                #expect(world.holds(device, Array("tools\nladder\n".utf8)), "\(device) lost the laptop's edit")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.sync("desk").outcome == .upToDate)
        }
    }

    @Test("a tracked file replaced locally by a link out, edited on the other device: the edit stays a file, the link beside it")
    func fileReplacedByLink() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            let outside = try outsideFolder(world)
            let before = try listing(outside)
            try link(world, "desk", "notes/a.md", to: outside.appending(path: "target.md"))
            try world.edit("laptop", "notes/a.md", replacing: "alpha\n", with: "alpha\nlaptop line\n")
            try world.sync("laptop")
            try world.sync("desk")
            try world.sync("laptop")
            #expect(try listing(outside) == before)
            for device in ["laptop", "desk"] {
                // Before the fix the link's target was merged with the entry's lines into a link.
                #expect(world.bytes(device, "notes/a.md") == Array("alpha\nlaptop line\n".utf8), "\(device)")
                let kept = world.root(device).appending(path: "notes/a.conflict-desk.md").path(percentEncoded: false)
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: kept) == outside.appending(path: "target.md").path(percentEncoded: false))
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.conflicts("desk").map(\.conflict.kind) == [.file])
        }
    }

    @Test("a folder replaced by a link while the sync runs: nothing is written or deleted through it")
    func folderReplacedDuringSync() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/target.md": "inside\n", "notes/gone.md": "outside file\n"]) { world in
            let outside = try outsideFolder(world)
            // The outside folder holds files with the same names and bytes the sync expects.
            try Data("inside\n".utf8).write(to: outside.appending(path: "target.md"))
            try Data("outside file\n".utf8).write(to: outside.appending(path: "gone.md"))
            let before = try listing(outside)
            try world.edit("laptop", "notes/target.md", replacing: "inside\n", with: "inside, edited\n")
            try FileManager.default.removeItem(at: world.root("laptop").appending(path: "notes/gone.md"))
            try world.write("laptop", "notes/new.md", "new\n")
            try world.sync("laptop")
            let report = try world.sync("desk") { checkpoint in
                guard checkpoint == .beforeCheckout else { return }
                try? FileManager.default.removeItem(at: world.root("desk").appending(path: "notes"))
                try? FileManager.default.createSymbolicLink(atPath: world.root("desk").appending(path: "notes").path(percentEncoded: false),
                                                            withDestinationPath: outside.path(percentEncoded: false))
            }
            #expect(Set(report.keptLocal) == ["notes/target.md", "notes/gone.md", "notes/new.md"])
            #expect(try listing(outside) == before, "written or deleted through the link")
            try world.sync("desk")
            #expect(try listing(outside) == before)
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    @Test("a committed link out of the notebook travels as a link; nothing is written through it")
    func committedLinkOut() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            let outside = world.base.appending(path: "outside", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("outside file\n".utf8).write(to: outside.appending(path: "target.md"))
            // The laptop commits a link to a file and one to a folder outside, both with git.
            for (name, target) in [("notes/file-link.md", outside.appending(path: "target.md")), ("notes/folder-link", outside)] {
                try FileManager.default.createSymbolicLink(atPath: world.root("laptop").appending(path: name).path(percentEncoded: false),
                                                           withDestinationPath: target.path(percentEncoded: false))
            }
            try world.sync("laptop")
            try world.sync("desk")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: world.root("desk").appending(path: "notes/file-link.md").path(percentEncoded: false))
                    == outside.appending(path: "target.md").path(percentEncoded: false))
            // Now the laptop (with git, not through the link) puts a file "in" the folder link's
            // place and edits the linked entry's name: a tree with notes/folder-link/x.md.
            try FileManager.default.removeItem(at: world.root("laptop").appending(path: "notes/folder-link"))
            try world.write("laptop", "notes/folder-link/x.md", "would land outside\n")
            try FileManager.default.removeItem(at: world.root("laptop").appending(path: "notes/file-link.md"))
            try world.write("laptop", "notes/file-link.md", "a real file now\n")
            try world.sync("laptop")
            try world.write("desk", "notes/a.md", "alpha\ndesk\n")
            try world.sync("desk")
            #expect(try String(contentsOf: outside.appending(path: "target.md"), encoding: .utf8) == "outside file\n")
            #expect(!FileManager.default.fileExists(atPath: outside.appending(path: "x.md").path(percentEncoded: false)))
            #expect(world.read("desk", "notes/folder-link/x.md") == "would land outside\n")
            #expect(world.bytes("desk", "notes/file-link.md") == Array("a real file now\n".utf8))
            try world.sync("laptop")
            #expect(try world.tree("laptop") == world.tree("desk"))
        }
    }
}

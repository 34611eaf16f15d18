import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// The corners a first review found: renames onto taken names, repeated binary conflicts,
/// per-device git settings, links, modes, submodule entries, files the sync could not update.
@Suite("Sync edge cases")
struct SyncEdgeCaseTests {
    @Test("a rename onto a name the other device also created keeps both files")
    func renameOntoAddedPath() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/x.md": "---\ntitle: X\n---\nline one\nline two\n"]) { world in
            try world.git("laptop")("mv", "notes/x.md", "notes/y.md")
            try world.edit("desk", "notes/x.md", replacing: "line two\n", with: "line two\nline three from desk\n")
            try world.write("desk", "notes/y.md", "---\ntitle: Y\n---\ndesk's own y\n")
            try world.sync("laptop")
            try world.sync("desk")
            try world.sync("laptop")
            #expect(try world.tree("laptop") == world.tree("desk"))
            let all = world.files("laptop").compactMap { world.read("laptop", $0) }.joined()
            #expect(all.contains("line three from desk"), "the desk's edit is gone")
            #expect(all.contains("desk's own y"), "the desk's own y.md is gone")
        }
    }

    @Test("a second binary conflict never replaces the copy an earlier one left")
    func repeatedBinaryConflicts() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/pic.md": "plain\n"]) { world in
            var earlier: [String: String] = [:]
            for round in 1...2 {
                try world.write("laptop", "notes/pic.md", "laptop \(round)\u{0}\n")
                try world.write("desk", "notes/pic.md", "desk \(round)\u{0}\n")
                try world.sync("laptop")
                try world.sync("desk")
                try world.sync("laptop")
                #expect(try world.tree("laptop") == world.tree("desk"))
                let copies = world.files("desk").filter { $0.contains(".conflict-") }
                // Copies from the earlier round are untouched; this round added one of its own.
                for (path, text) in earlier { #expect(world.read("desk", path) == text, "\(path) was replaced") }
                #expect(copies.count == round)
                let all = world.files("desk").compactMap { world.read("desk", $0) }
                #expect(all.contains("laptop \(round)\u{0}\n") && all.contains("desk \(round)\u{0}\n"))
                for path in copies { earlier[path] = world.read("desk", path) }
            }
            let copies = try world.conflicts("desk").filter { $0.conflict.kind == .file }
            #expect(Set(copies.map { $0.conflict.first.value }).count == copies.count, "two records share one copy")
        }
    }

    @Test("a device's own diff.renameLimit does not change the merged tree")
    func renameLimitIsNotReadFromConfig() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["a.md": "alpha\n", "b.md": "beta\n",
                                                                "x.md": "---\ntitle: x\n---\none\ntwo\nthree\nfour\n"]) { world in
            for name in ["a.md", "b.md"] { try FileManager.default.removeItem(at: world.root("laptop").appending(path: name)) }
            try world.git("laptop")("mv", "x.md", "z.md")
            try world.edit("desk", "x.md", replacing: "four\n", with: "four\nfive\n")
            try world.sync("laptop")
            let twin = try world.twin(devices: ["laptop", "desk"])
            try twin.git("desk")("config", "diff.renameLimit", "1")
            try world.sync("desk")
            try twin.sync("desk")
            #expect(try world.tree("desk") == twin.tree("desk"))
            #expect(twin.read("desk", "z.md")?.contains("five") == true)
            #expect(twin.read("desk", "x.md") == nil)
        }
    }

    @Test("links and the executable bit travel, and the next sync has nothing to commit")
    func linksAndModes() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["tools/run.sh": "echo hi\n", "notes/a.md": "a\n"]) { world in
            let laptop = world.root("laptop")
            chmod(laptop.appending(path: "tools/run.sh").path(percentEncoded: false), 0o755)
            try FileManager.default.createSymbolicLink(atPath: laptop.appending(path: "notes/link.md").path(percentEncoded: false),
                                                       withDestinationPath: "a.md")
            try world.sync("laptop")
            let before = try world.sync("desk")
            #expect(before.outcome == .fastForwarded)
            let desk = world.root("desk")
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: desk.appending(path: "notes/link.md").path(percentEncoded: false))
            #expect(destination == "a.md")
            #expect(FileManager.default.isExecutableFile(atPath: desk.appending(path: "tools/run.sh").path(percentEncoded: false)))
            let head = try world.head("desk")
            try world.sync("desk")
            #expect(try world.head("desk") == head, "a sync with nothing new committed")
        }
    }

    @Test("a submodule entry in incoming history does not stop the sync")
    func gitlinkEntry() throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            let commit = try world.head("laptop")
            try world.git("laptop")("update-index", "--add", "--cacheinfo", "160000,\(commit),vendor/lib")
            try world.git("laptop")("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "add a submodule entry")
            try world.write("laptop", "notes/n.md", "note\n")
            try world.sync("laptop")
            let report = try world.sync("desk")
            #expect(report.outcome == .fastForwarded)
            #expect(world.read("desk", "notes/n.md") == "note\n")
            #expect(try world.tree("desk") == world.tree("laptop"))
        }
    }

    @Test("a file the sync could not update is held back, not committed over the other device's edit")
    func readOnlyKeptFile() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/x.md": "one\ntwo\n"]) { world in
            let file = world.root("desk").appending(path: "notes/x.md").path(percentEncoded: false)
            chmod(file, 0o444)
            try world.edit("laptop", "notes/x.md", replacing: "two\n", with: "two\nthree from laptop\n")
            try world.sync("laptop")
            let first = try world.sync("desk")
            #expect(first.keptLocal == ["notes/x.md"])
            try world.sync("desk")
            try world.sync("laptop")
            #expect(world.read("laptop", "notes/x.md")?.contains("three from laptop") == true, "the laptop's line was reverted")
            chmod(file, 0o644)
            try world.sync("desk")
            #expect(world.read("desk", "notes/x.md")?.contains("three from laptop") == true)
        }
    }

    @Test("a file that becomes a folder on one device arrives on the other, and stays")
    func fileBecomesFolder() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/garden": "a plain file\n"]) { world in
            let laptop = world.root("laptop")
            try FileManager.default.removeItem(at: laptop.appending(path: "notes/garden"))
            try world.write("laptop", "notes/garden/plan.md", "---\ntitle: Plan\n---\nbeans\n")
            try world.sync("laptop")
            let first = try world.sync("desk")
            #expect(first.keptLocal.isEmpty)
            #expect(world.read("desk", "notes/garden/plan.md")?.contains("beans") == true)
            try world.sync("desk")
            try world.sync("laptop")
            #expect(world.read("laptop", "notes/garden/plan.md")?.contains("beans") == true)
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    @Test("a folder that becomes a file, and a file replaced by a folder locally, both sync")
    func folderBecomesFile() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/garden/plan.md": "beans\n", "notes/shed": "tools\n"]) { world in
            let laptop = world.root("laptop")
            try FileManager.default.removeItem(at: laptop.appending(path: "notes/garden"))
            try world.write("laptop", "notes/garden", "now a file\n")
            try world.sync("laptop")
            // Meanwhile the desk turns a tracked file into a folder of notes.
            let desk = world.root("desk")
            try FileManager.default.removeItem(at: desk.appending(path: "notes/shed"))
            try world.write("desk", "notes/shed/list.md", "rake\n")
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(world.read(device, "notes/garden") == "now a file\n", "\(device)")
                #expect(world.read(device, "notes/shed/list.md") == "rake\n", "\(device)")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
        }
    }

    @Test("sent and received count commits, not merges made here")
    func counts() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "a\n", "notes/b.md": "b\n"]) { world in
            for round in 1...3 {
                try world.write("laptop", "notes/a.md", "a \(round)\n")
                try world.sync("laptop")
            }
            try world.write("desk", "notes/b.md", "b changed\n")
            let report = try world.sync("desk")
            #expect(report.outcome == .merged)
            #expect(report.received == 3)
            #expect(report.sent == 2)   // the desk's snapshot and its merge
            #expect(report.receivedPaths == ["notes/a.md"])
        }
    }
}

import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Remote commits whose trees hold names git's own checkout refuses (`..`, `.git` and what
/// other file systems read as `.git`), made with `git mktree` and pushed with git: a sync
/// refuses them naming the path, writes nothing anywhere, and works again once the remote
/// drops the path.
@Suite("Sync: hostile trees from the remote", .badInputReport)
struct SyncHostileTreeTests {
    /// The laptop pushes a commit adding `<name>/evil.md` (inside `notes/` when `nested`);
    /// the desk, with `deskEdit` uncommitted when given, syncs.
    func pushHostile(_ world: SyncWorld, name: String, nested: Bool) throws -> String {
        let evil = try world.blob("laptop", "evil\n")
        let inner = try world.makeTree("laptop", [.init(mode: "100644", type: "blob", id: evil, name: "evil.md")])
        let hostile = SyncWorld.TreeLine(mode: "040000", type: "tree", id: inner, name: name)
        var lines = try world.treeLines("laptop", "HEAD")
        if nested {
            let notes = try world.makeTree("laptop", try world.treeLines("laptop", "HEAD:notes") + [hostile])
            lines = lines.map { $0.name == "notes" ? .init(mode: $0.mode, type: $0.type, id: notes, name: "notes") : $0 }
        } else {
            lines.append(hostile)
        }
        try world.commitAndPush("laptop", tree: try world.makeTree("laptop", lines), message: "mallory: add \(name)/evil.md")
        return (nested ? "notes/" : "") + name + "/evil.md"
    }

    /// Paths where a write through `..` or into `.git` would land, relative to the world's folder.
    func escapes(_ world: SyncWorld, name: String) -> [String] {
        ["evil.md", "desk/evil.md", "desk/.git/evil.md", "desk/notes/evil.md", "desk/\(name)/evil.md", "desk/notes/\(name)/evil.md"]
            .filter { FileManager.default.fileExists(atPath: world.base.appending(path: $0).path(percentEncoded: false)) }
    }

    @Test("a remote commit adding a file under '..', '.git' or a name read as .git: refused, nothing written",
          arguments: ["..", ".", ".git", ".GIT", ".Git.", "git~1", ".g\u{200C}it"], [false, true])
    func hostileName(name: String, nested: Bool) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            let path = try pushHostile(world, name: name, nested: nested)
            let head = try world.head("desk")
            let before = world.contents("desk")
            let gitConfig = try Data(contentsOf: world.root("desk").appending(path: ".git/config"))
            #expect {
                try world.sync("desk")
            } throws: { error in
                guard case SyncError.unsafePath(let named, _, _) = error else { return false }
                return named == path && "\(error)".contains("Nothing was changed")
            }
            #expect(escapes(world, name: name).isEmpty, "written through: \(escapes(world, name: name))")
            #expect(try world.head("desk") == head)
            #expect(world.contents("desk") == before)
            #expect(try Data(contentsOf: world.root("desk").appending(path: ".git/config")) == gitConfig)
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    @Test("a hostile path refused during a merge: the desk's own edit stays, and syncs once the remote drops the path")
    func hostileDuringMerge() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            let goodTree = try world.tree("laptop")
            _ = try pushHostile(world, name: "..", nested: false)
            try world.write("desk", "notes/a.md", "alpha\ndesk line\n")
            try world.write("desk", "notes/b.md", "new on desk\n")
            let remoteBefore = try world.git("remote.git")("rev-parse", "main")
            #expect {
                try world.sync("desk")
            } throws: { error in
                guard case SyncError.unsafePath = error else { return false }
                return "\(error)".contains("../evil.md")
            }
            #expect(escapes(world, name: "..").isEmpty)
            #expect(world.read("desk", "notes/a.md") == "alpha\ndesk line\n")
            #expect(world.read("desk", "notes/b.md") == "new on desk\n")
            // No merge went out: the remote still holds the laptop's commit alone.
            #expect(try world.git("remote.git")("rev-parse", "main") == remoteBefore)
            // The fix: a commit on the remote that deletes the path again.
            try world.commitAndPush("laptop", tree: goodTree, message: "laptop: drop ../evil.md")
            let report = try world.sync("desk")
            #expect(report.outcome == .merged)
            #expect(escapes(world, name: "..").isEmpty)
            #expect(world.read("desk", "notes/a.md") == "alpha\ndesk line\n")
            #expect(try world.committed("desk", "notes/b.md") == Array("new on desk\n".utf8))
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
            try world.fsck("remote.git", allowing: ["hasDotdot"])
        }
    }

    @Test("a crafted conflict record naming a path outside the notebook: resolve refuses, reads and writes nothing there",
          arguments: ["../../outside.md", ".git/config", "notes/../../../outside.md"])
    func craftedConflictRecord(copy: String) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            let outside = world.base.appending(path: "outside.md")
            try Data("private, outside\n".utf8).write(to: outside)
            let record = """
                path: "notes/a.md"
                kind: file
                kept: "laptop"
                first_device: "laptop"
                first_time: 2026-11-22T10:00:00Z
                first_deleted: false
                first_value: "notes/a.md"
                second_device: "desk"
                second_time: 2026-11-22T10:00:00Z
                second_deleted: false
                second_value: "\(copy)"

                """
            try world.write("laptop", ".hearth/conflicts/000000000000.yaml", record)
            try world.sync("laptop")
            try world.sync("desk")
            let gitConfig = try Data(contentsOf: world.root("desk").appending(path: ".git/config"))
            let resolver = try ConflictResolver(root: world.root("desk"))
            let records = try world.conflicts("desk")
            #expect(records.count == 1)
            let head = try world.head("desk")
            #expect {
                try resolver.resolve(records, choice: .keep(device: "desk"))
            } throws: { error in
                guard case SyncError.conflict(_, let reason) = error else { return false }
                return reason.contains(copy) && reason.contains("nothing was changed")
            }
            #expect(try String(contentsOf: outside, encoding: .utf8) == "private, outside\n")
            #expect(try Data(contentsOf: world.root("desk").appending(path: ".git/config")) == gitConfig)
            #expect(world.read("desk", "notes/a.md") == "alpha\n")
            #expect(try world.head("desk") == head)
        }
    }
}

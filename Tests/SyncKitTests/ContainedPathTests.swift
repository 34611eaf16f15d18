import Foundation
@testable import SyncKit
import TestSupport
import Testing

/// Paths are split at the '/' byte, as the file system splits them: a '/' followed by a
/// combining mark, or preceded by a prepend mark, is one Character with it, and a split by
/// Characters would hide the `..` next to it.
@Suite("ContainedPath: names split at the '/' byte", .badInputReport)
struct ContainedPathTests {
    static let hostile = ["../\u{301}evil.md", "a\u{600}/../evil.md", "notes/../\u{301}x/evil.md", "a\u{600}/.git/evil.md"]

    @Test("a '..' or '.git' next to a mark that joins the '/' is still refused", arguments: hostile)
    func refused(path: String) {
        #expect(ContainedPath.problem(in: path) != nil)
    }

    @Test("names with marks around the '/' that stay inside are accepted",
          arguments: ["notes/\u{301}x.md", "a\u{600}/b.md", "notes/..\u{301}/x.md", "notes/.\u{301}.md"])
    func accepted(path: String) {
        #expect(ContainedPath.problem(in: path) == nil)
    }

    @Test("a folder link is found below a name ending in a prepend mark")
    func linkedFolderBelowAPrependMark() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "contained-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appending(path: "a\u{600}"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appending(path: "a\u{600}/b").path(percentEncoded: false),
                                                   withDestinationPath: "/tmp")
        #expect(ContainedPath.linkedFolder(on: "a\u{600}/b/x.md", under: root.path(percentEncoded: false)) == "a\u{600}/b")
    }

    /// The laptop pushes, with the git CLI, a commit adding a file at `path` (its folders made
    /// with `git mktree`, which checks nothing); the desk syncs.
    @Test("a remote tree entry '..' next to a joining mark: sync refuses it naming the path, writes nothing",
          arguments: hostile)
    func hostileTreeEntry(path: String) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            let names = path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
            var entry = SyncWorld.TreeLine(mode: "100644", type: "blob", id: try world.blob("laptop", "evil\n"), name: names.last!)
            for folder in names.dropLast().reversed() {
                let existing = folder == "notes" ? try world.treeLines("laptop", "HEAD:notes") : []
                entry = .init(mode: "040000", type: "tree", id: try world.makeTree("laptop", existing + [entry]), name: folder)
            }
            let top = try world.treeLines("laptop", "HEAD").filter { $0.name != entry.name }
            try world.commitAndPush("laptop", tree: try world.makeTree("laptop", top + [entry]), message: "mallory: add \(path)")
            let head = try world.head("desk")
            let before = world.contents("desk")
            let outside = Set(try FileManager.default.contentsOfDirectory(atPath: world.base.path(percentEncoded: false)))
            #expect {
                try world.sync("desk")
            } throws: { error in
                guard case SyncError.unsafePath(let named, _, _) = error else { return false }
                return named == path && "\(error)".contains("Nothing was changed")
            }
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: world.base.path(percentEncoded: false))) == outside)
            #expect(!FileManager.default.fileExists(atPath: world.root("desk").appending(path: "evil.md").path(percentEncoded: false)))
            #expect(try world.head("desk") == head)
            #expect(world.contents("desk") == before)
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }
}

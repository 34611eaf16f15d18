import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// A device whose notebook lives on a small tmpfs that fills up during a sync: the file that
/// cannot be written keeps its old bytes, the repository stays sound, and the next sync after
/// space is freed brings everything in.
@Suite("Sync: disk full", .serialized, .badInputReport)
struct SyncDiskFullTests {
    /// Whether this process may mount a tmpfs (root in a container that allows it).
    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appending(path: "hearth-mount-probe-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? run("/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path(percentEncoded: false))) == 0 else { return false }
        _ = try? run("/bin/umount", probe.path(percentEncoded: false))
        return true
    }()

    @discardableResult
    static func run(_ tool: String, _ arguments: String...) throws -> Int32 {
        try ProcessRunner.run(URL(fileURLWithPath: tool), arguments, in: URL(fileURLWithPath: "/"), environment: ["PATH": "/usr/bin:/bin"]).status
    }

    /// A clone of the world's remote named `device` on a tmpfs of `size`; `body` runs, then the
    /// tmpfs is unmounted whatever happened.
    func withSmallDevice(_ world: SyncWorld, _ device: String, size: String, _ body: () throws -> Void) throws {
        let root = world.root(device)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        guard try Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", root.path(percentEncoded: false)) == 0 else {
            throw SetupFailure("mount failed")
        }
        defer { _ = try? Self.run("/bin/umount", "-l", root.path(percentEncoded: false)) }
        try GitCLI(directory: world.base, home: world.home)("clone", "-q", "--template=", world.remote.path(percentEncoded: false), device)
        try world.git(device)("config", "hearth.device", device)
        try body()
    }

    /// A text of about `megabytes` MB that compresses to almost nothing (so the fetch fits).
    static func big(_ megabytes: Int) -> String {
        String(repeating: "the same line again, to fill the disk but not the pack\n", count: megabytes * 1_048_576 / 55)
    }

    @Test("an incoming file too big for the disk: the old file stays, the sync says so, the next sync writes it",
          .enabled(if: SyncDiskFullTests.canMount))
    func checkoutWriteFails() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n", "notes/b.md": "beta\n"]) { world in
            // 2 MB: room for the clone, the fetched pack, the merge's objects and the index, not
            // for the 4 MB file (with 1 MB the index write itself sometimes found no space).
            try withSmallDevice(world, "small", size: "2m") {
                let big = "---\ntitle: A\n---\n" + Self.big(4)
                try world.write("laptop", "notes/a.md", big)
                try world.sync("laptop")
                try world.write("small", "notes/b.md", "beta\nfrom small\n")
                var merged = false
                do {
                    let report = try world.sync("small")
                    merged = true
                    // The merge happened and went out; a.md could not be written and kept its bytes.
                    #expect(report.outcome == .merged)
                    #expect(report.keptLocal == ["notes/a.md"])
                    #expect(try world.committed("small", "notes/a.md") == Array(big.utf8))
                } catch {
                    // Under load, one of git's own small writes (the index) can land while the
                    // big file fills the disk: then the sync stops with the disk named, which
                    // is also right, as long as nothing below is lost or damaged.
                    #expect("\(error)".contains("No space left on device"), "\(error)")
                }
                #expect(world.read("small", "notes/a.md") == "alpha\n")
                #expect(world.read("small", "notes/b.md") == "beta\nfrom small\n")
                // No temporary file left behind to hold the space.
                #expect(world.files("small").allSatisfy { !$0.contains(".hearth-") }, "\(world.files("small"))")
                try world.fsck("small")
                // Space is back: the next sync writes the file and commits nothing of its own.
                #expect(try Self.run("/bin/mount", "-o", "remount,size=16m", world.root("small").path(percentEncoded: false)) == 0)
                let head = try world.head("small")
                let next = try world.sync("small")
                #expect(next.snapshot?.contains("notes/a.md") != true, "the old bytes were committed over the laptop's: \(next.snapshot ?? "")")
                if merged {
                    let after = try world.head("small")
                    #expect(next.snapshot == nil && after == head, "\(next)")
                }
                #expect(world.read("small", "notes/a.md") == big)
                try world.sync("laptop")
                #expect(world.read("laptop", "notes/b.md") == "beta\nfrom small\n")
                #expect(world.read("laptop", "notes/a.md") == big)
                try world.sync("small")
                #expect(try world.git("small")("status", "--porcelain").isEmpty)
                #expect(try world.tree("small") == world.tree("laptop"))
            }
        }
    }

    @Test("a disk too full to take the fetched objects: a clear error, the notebook intact, the next sync works",
          .enabled(if: SyncDiskFullTests.canMount))
    func fetchFails() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            try withSmallDevice(world, "small", size: "1m") {
                // Random bytes do not compress: 2 MB of them cannot fit in the pack on 1 MB.
                var random = SystemRandomNumberGenerator()
                try world.write("laptop", "notes/photo.md", bytes: (0..<(2 << 20)).map { _ in UInt8.random(in: 0...255, using: &random) })
                try world.sync("laptop")
                try world.write("small", "notes/a.md", "alpha\nfrom small\n")
                let head = try world.head("small")
                #expect {
                    try world.sync("small")
                } throws: { error in
                    guard case SyncError.network(let remote, let operation, _) = error else { return false }
                    return remote == "origin" && operation == "fetch from" && "\(error)".lowercased().contains("space")
                }
                // The local edit is committed by the snapshot (it ran before the fetch), or still on disk.
                #expect(world.read("small", "notes/a.md") == "alpha\nfrom small\n")
                #expect(try world.head("small") != head || world.git("small")("status", "--porcelain").contains("notes/a.md"))
                try world.fsck("small")
                #expect(try Self.run("/bin/mount", "-o", "remount,size=32m", world.root("small").path(percentEncoded: false)) == 0)
                let report = try world.sync("small")
                #expect(report.outcome == .merged)
                #expect(world.bytes("small", "notes/photo.md") == world.bytes("laptop", "notes/photo.md"))
                try world.sync("laptop")
                #expect(world.read("laptop", "notes/a.md") == "alpha\nfrom small\n")
                #expect(try world.tree("small") == world.tree("laptop"))
            }
        }
    }
}

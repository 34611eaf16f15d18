import Foundation
import TestSupport
import Testing

/// A folder remote on an exFAT USB stick (``ExFATStick``): a file system without hard links, so
/// a push there takes the branch lock under its name directly and records it once written,
/// rather than through a twin. Syncs go through it, and a sync killed while holding its lock is
/// recovered by the next one as on any other disk.
@Suite(.enabled(if: ExFATStick.unavailable == nil, "an exFAT stick cannot be mounted here (needs root, a loop device, FUSE, exfat-fuse)"))
struct FolderRemoteOnExFATTests {
    @Test func aSyncKilledHoldingTheLockOfARemoteOnExFATIsRecoveredByTheNextOne() throws {
        let stick = try ExFATStick()
        defer { try? stick.unmount() }
        let remote = stick.mountPoint.appendingPathComponent("journal.git")
        let laptop = try TemporaryNotebook(initialized: true)
        let desk = laptop.base.appendingPathComponent("desk")
        try laptop.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        #expect(link(remote.appendingPathComponent("HEAD").path, remote.appendingPathComponent("HEAD.link").path) != 0,
                "this stick has hard links: the test would not take the path it is about")
        try laptop.hearth("set", "today", "energy=3").requireSuccess()
        try laptop.hearth("remote", "add", "origin", remote.path).requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try laptop.git("clone", "-q", remote.path, desk.path).requireSuccess()

        try laptop.hearth("done", "ship", "from the laptop").requireSuccess()
        let killed = try laptop.hearth(["sync"], environment: ["HEARTH_SYNC_ABORT_AT": "holding-remote-lock"])
        #expect(killed.status != 0, "the sync was not stopped while holding the lock: \(killed)")
        let heads = remote.appendingPathComponent("refs/heads").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: heads).sorted() == ["main", "main.lock"],
                "a lock without a twin is what a push leaves here")
        // The record names the lock by the stat data it had once written, as nothing else can here.
        let records = laptop.root.appendingPathComponent(".git/hearth/remote-locks")
        let texts = try FileManager.default.contentsOfDirectory(atPath: records.path)
            .map { try String(contentsOf: records.appendingPathComponent($0), encoding: .utf8) }
        #expect(texts.count == 1 && texts[0].contains("\ninode ") && texts[0].contains("path \(heads)/main.lock\n"), "\(texts)")

        let recovered = try laptop.hearth("sync")
        #expect(recovered.status == 0, "\(recovered)")
        #expect(recovered.stderr.contains("\(heads)/main.lock: this device's sync was stopped while it held that lock"), "\(recovered)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: heads) == ["main"])
        try laptop.hearth(["sync"], in: desk).requireSuccess()
        #expect(try String(contentsOf: desk.appendingPathComponent(SyncCommandTests.path), encoding: .utf8).contains("- ship: from the laptop\n"))
        let fsck = try laptop.git(in: remote, "fsck", "--strict", "--no-progress")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "\(fsck)")
    }
}

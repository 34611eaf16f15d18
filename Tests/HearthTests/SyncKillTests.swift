import Foundation
import TestSupport
import Testing

/// `hearth sync` killed with SIGKILL at each named checkpoint (HEARTH_SYNC_ABORT_AT), through a
/// plain remote and through an encrypted one (with the encrypted transport's own steps too): the
/// next sync succeeds, nothing written before the kill is lost, both devices converge, and fsck
/// finds every repository whole (the notebooks, the remote, and each device's carrier copy).
@Suite struct SyncKillTests {
    static let checkpoints = ["after-snapshot", "during-fetch", "after-fetch", "after-merge", "before-push", "during-push",
                              "holding-remote-lock", "before-checkout", "during-checkout", "after-checkout", "after-ref-update",
                              "after-push"]
    /// The encrypted transport's steps, reached inside the fetch and the push.
    static let encryptedCheckpoints = ["encrypted-carrier-fetched", "encrypted-pack-imported",
                                       "encrypted-carrier-committed", "encrypted-carrier-pushed"]
    /// Where the desk's sync has certainly not yet moved the remote's branch (its merge's push starts
    /// after `after-merge`; `during-push` is its first progress report).
    static let beforeTheRemoteMoves: Set = ["after-snapshot", "during-fetch", "after-fetch", "encrypted-carrier-fetched",
                                            "encrypted-pack-imported", "after-merge", "before-push", "during-push",
                                            "holding-remote-lock", "encrypted-carrier-committed"]

    @Test(arguments: checkpoints)
    func aSyncKilledAtACheckpointIsRecoveredByTheNextOne(_ checkpoint: String) throws {
        try killAndRecover(at: checkpoint, encrypted: false)
    }

    @Test(arguments: checkpoints + encryptedCheckpoints)
    func anEncryptedSyncKilledAtACheckpointIsRecoveredByTheNextOne(_ checkpoint: String) throws {
        try killAndRecover(at: checkpoint, encrypted: true)
    }

    private func killAndRecover(at checkpoint: String, encrypted: Bool) throws {
        let devices = try SyncCommandTests.TwoDevices(encrypted: encrypted)
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "energy=1").requireSuccess()
        try laptop.hearth("done", "ship", "laptop item").requireSuccess()
        // A second incoming file, so that the desk's checkout has two halves to stop between.
        try laptop.write("notes/laptop.md", "---\ntitle: From the laptop\n---\nlaptop note line\n")
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("set", "today", "mood=4")
        try devices.desk("done", "learn", "desk item")

        let remoteRefs = { () throws -> String in try laptop.git(in: devices.remote, "for-each-ref").requireSuccess().stdout }
        let remoteBefore = try TemporaryNotebook.files(under: devices.remote)
        let refsBefore = try remoteRefs()
        let killed = try laptop.hearth(["sync"], in: devices.desk, environment: ["HEARTH_SYNC_ABORT_AT": checkpoint])
        #expect(killed.status != 0, "the sync was not stopped at \(checkpoint): \(killed)")
        if encrypted, checkpoint == "encrypted-carrier-committed" {
            // The carrier commit, pack and manifest exist only on the desk: the host saw nothing.
            #expect(try TemporaryNotebook.files(under: devices.remote) == remoteBefore, "the remote changed before the push")
        } else if Self.beforeTheRemoteMoves.contains(checkpoint) {
            #expect(try remoteRefs() == refsBefore, "the remote's branches moved before the push (\(checkpoint))")
        }
        try checkWhole(devices, after: "a kill at \(checkpoint)", encrypted: encrypted)

        // The push runs beside the checkout, so a kill after the merge can land while it holds
        // the remote's branch lock (always at holding-remote-lock, rarely elsewhere: a busy
        // machine). The desk recorded the lock before taking it, so its next sync proves it its
        // own and removes it by itself, saying so, wherever the kill landed; a twin left beside
        // it (`main.hearth-taking-….lock`) goes silently.
        let left = Self.remoteLocks(devices.remote).filter { !$0.contains(".hearth-taking-") }
        if checkpoint == "holding-remote-lock" { #expect(left.count == 1, "the kill did not land while the lock was held: \(left)") }
        let recovered = try devices.desk("sync")
        for lock in left {
            #expect(recovered.stderr.contains("/\(devices.remote.lastPathComponent)/\(lock): this device's sync was stopped while it held that lock"),
                    "\(recovered)")
        }
        #expect(recovered.status == 0, "after a kill at \(checkpoint): \(recovered)")
        #expect(Self.remoteLocks(devices.remote).isEmpty, "a lock stayed in the remote after a kill at \(checkpoint)")
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()

        let path = SyncCommandTests.path
        let deskText = try devices.deskText(path)
        let laptopText = try laptop.text(path)
        #expect(deskText == laptopText, "devices differ after a kill at \(checkpoint)")
        for line in ["energy: 1\n", "mood: 4\n", "- ship: laptop item\n", "- learn: desk item\n"] {
            #expect(deskText.contains(line), "\(line) lost after a kill at \(checkpoint):\n\(deskText)")
        }
        #expect(!deskText.contains("hearth:conflict") && !deskText.contains("<<<<<<<"))
        #expect(try devices.deskText("notes/laptop.md").contains("laptop note line\n"), "the laptop's note after a kill at \(checkpoint)")
        for directory in [laptop.root, devices.desk] {
            #expect(try laptop.git(in: directory, "status", "--porcelain").stdout.isEmpty, "changes left after a kill at \(checkpoint)")
        }
        try checkWhole(devices, after: "the syncs after a kill at \(checkpoint)", encrypted: encrypted)
        #expect(try laptop.hearth("conflicts").stdout == "No open conflicts.\n")
    }

    /// The lock files under the remote's `refs/`, relative to the remote (`refs/heads/main.lock`).
    static func remoteLocks(_ remote: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: remote.appendingPathComponent("refs").path)?.allObjects.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".lock") }.map { "refs/" + $0 }.sorted()
    }

    /// `git fsck --strict` finds the notebooks, the remote and (encrypted) the carrier copies whole.
    private func checkWhole(_ devices: SyncCommandTests.TwoDevices, after moment: String, encrypted: Bool) throws {
        var repositories = [devices.notebook.root, devices.desk, devices.remote]
        if encrypted {
            // The desk's carrier copy exists from its clone on, the laptop's from its first sync.
            repositories += [devices.notebook.root, devices.desk].map(EncryptedTwoDevices.carrierCopy(of:))
        }
        for repository in repositories {
            let fsck = try devices.notebook.git(in: repository, "fsck", "--strict", "--no-progress")
            #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "fsck of \(repository.lastPathComponent) after \(moment): \(fsck)")
        }
    }
}

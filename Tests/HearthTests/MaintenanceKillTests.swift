import Foundation
import TestSupport
import Testing

/// `hearth maintenance` killed with SIGKILL at each of its steps (`HEARTH_SYNC_ABORT_AT`), as a
/// roll-up and as a full repack: `git fsck --strict` stays clean, every object that was
/// reachable (and every young unreachable one) is still there, and the next maintenance and
/// the next sync work.
@Suite struct MaintenanceKillTests {
    /// The steps a roll-up reaches.
    static let rollUpCheckpoints = ["maintain-after-leftovers", "maintain-pack-written", "maintain-pack-published",
                                    "maintain-during-pack-removal", "maintain-after-pack-removal", "maintain-during-loose-prune",
                                    "maintain-done"]
    /// The steps a full repack reaches: the roll-up's and the cruft pack's.
    static let fullCheckpoints = rollUpCheckpoints + ["maintain-reflogs-expired", "maintain-cruft-published"]

    /// The flags of each mode, with the checkpoint to kill it at.
    static let cases = rollUpCheckpoints.map { ([String](), $0) } + fullCheckpoints.map { (["--full"], $0) }

    @Test(arguments: cases)
    func maintenanceKilledAtAStepLosesNothingAndTheNextRunAndSyncWork(_ flags: [String], _ checkpoint: String) throws {
        let devices = try MaintenanceCommandTests.devicesWithManyPacks(rounds: 2)
        let notebook = devices.notebook
        // An unreachable blob, young, that pruning must keep; and local commits' loose objects.
        let scrap = notebook.base.appendingPathComponent("scrap")
        try Data("unreachable but young\n".utf8).write(to: scrap)
        let young = try notebook.git("hash-object", "-w", scrap.path).requireSuccess().stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try notebook.write("notes/local.md", "local\n")
        try notebook.git("add", "-A").requireSuccess()
        try notebook.git("commit", "-q", "-m", "local").requireSuccess()
        let reachable = try notebook.git("rev-list", "--all", "--objects").requireSuccess().stdout
        let commits = try notebook.git("log", "--all", "--format=%H").stdout

        let killed = try notebook.hearth(["maintenance"] + flags, environment: ["HEARTH_SYNC_ABORT_AT": checkpoint])
        #expect(killed.wasKilled, "maintenance \(flags) was not stopped at \(checkpoint): \(killed)")
        try expectIntact(notebook, reachable: reachable, young: young, after: "a kill at \(checkpoint) \(flags)")

        let again = try notebook.hearth(["maintenance"] + flags)
        #expect(again.status == 0, "after a kill at \(checkpoint) \(flags): \(again)")
        try expectIntact(notebook, reachable: reachable, young: young, after: "the run after a kill at \(checkpoint) \(flags)")
        #expect(try notebook.git("log", "--all", "--format=%H").stdout == commits)

        try notebook.write("notes/after.md", "after the kill\n")
        let sync = try notebook.hearth("sync")
        #expect(sync.status == 0, "sync after a kill at \(checkpoint) \(flags): \(sync)")
        try notebook.git(in: devices.desk, "pull", "-q", "--no-rebase", "origin", "main").requireSuccess()
        #expect(try devices.deskText("notes/after.md") == "after the kill\n")
        #expect(try devices.deskText("notes/local.md") == "local\n")
    }

    /// fsck is clean, every object `git rev-list --all --objects` listed is there and the young
    /// unreachable blob too.
    private func expectIntact(_ notebook: TemporaryNotebook, reachable: String, young: String, after: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try notebook.git("fsck", "--strict", "--no-progress")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "fsck after \(after): \(fsck)", sourceLocation: sourceLocation)
        #expect(try notebook.git("rev-list", "--all", "--objects").stdout == reachable, "after \(after)", sourceLocation: sourceLocation)
        let ids = reachable.split(separator: "\n").map { String($0.prefix(40)) } + [young]
        let input = notebook.base.appendingPathComponent("ids-\(UUID())")
        try Data(ids.joined(separator: "\n").utf8).write(to: input)
        let check = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "git cat-file --batch-check < \"$1\"", "sh", input.path],
                                          in: notebook.root, environment: notebook.environment())
        #expect(check.status == 0 && !check.stdout.contains("missing"), "objects lost after \(after): \(check)",
                sourceLocation: sourceLocation)
    }
}

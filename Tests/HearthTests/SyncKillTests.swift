import Foundation
import TestSupport
import Testing

/// `hearth sync` killed with SIGKILL at each named checkpoint (HEARTH_SYNC_ABORT_AT): the next
/// sync succeeds, nothing written before the kill is lost, and both devices converge.
@Suite struct SyncKillTests {
    static let checkpoints = ["after-snapshot", "during-fetch", "after-fetch", "after-merge", "before-push", "during-push",
                              "before-checkout", "during-checkout", "after-checkout", "after-ref-update", "after-push"]

    @Test(arguments: checkpoints)
    func aSyncKilledAtACheckpointIsRecoveredByTheNextOne(_ checkpoint: String) throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "energy=1").requireSuccess()
        try laptop.hearth("done", "ship", "laptop item").requireSuccess()
        // A second incoming file, so that the desk's checkout has two halves to stop between.
        try laptop.write("notes/laptop.md", "---\ntitle: From the laptop\n---\nlaptop note line\n")
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("set", "today", "mood=4")
        try devices.desk("done", "learn", "desk item")

        let killed = try laptop.hearth(["sync"], in: devices.desk, environment: ["HEARTH_SYNC_ABORT_AT": checkpoint])
        #expect(killed.status != 0, "the sync was not stopped at \(checkpoint): \(killed)")

        let recovered = try devices.desk("sync")
        #expect(recovered.status == 0, "after a kill at \(checkpoint): \(recovered)")
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
            let git = { (arguments: [String]) throws -> ProcessResult in
                try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", directory.path] + arguments,
                                      in: directory, environment: laptop.environment())
            }
            let fsck = try git(["fsck", "--strict", "--no-progress"])
            #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "fsck after a kill at \(checkpoint): \(fsck)")
            #expect(try git(["status", "--porcelain"]).stdout.isEmpty, "changes left after a kill at \(checkpoint)")
        }
        #expect(try laptop.hearth("conflicts").stdout == "No open conflicts.\n")
    }
}

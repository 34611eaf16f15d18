import Foundation
import TestSupport
import Testing

/// `hearth sync` in a linked worktree (`git worktree add`) whose local branch tracks a remote
/// branch of another name: it syncs with that branch and says so.
@Suite struct SyncLinkedWorktreeTests {
    @Test func aBranchTrackingOriginMainIsSaidToSendToOriginMain() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        let linked = notebook.base.appendingPathComponent("linked")
        try notebook.git(in: notebook.root, "worktree", "add", "-q", "--track", "-b", "dev2", linked.path, "origin/main").requireSuccess()
        try notebook.hearth(["done", "ship", "from the linked worktree"], in: linked).requireSuccess()

        let sent = try notebook.hearth(["sync"], in: linked)
        #expect(sent.status == 0, "\(sent)")
        #expect(sent.stdout.contains("Sent 1 commit to origin/main."), "\(sent)")
        #expect(!sent.stdout.contains("origin/dev2"), "\(sent)")
        // It went to the remote's main, and no dev2 appeared there.
        let remoteText = try notebook.git(in: devices.remote, "show", "main:" + SyncCommandTests.path).requireSuccess().stdout
        #expect(remoteText.contains("- ship: from the linked worktree\n"), "\(remoteText)")
        #expect(try notebook.git(in: devices.remote, "for-each-ref", "--format=%(refname)").stdout == "refs/heads/main\n")

        let again = try notebook.hearth(["sync"], in: linked)
        #expect(again.stdout.contains("Up to date with origin/main."), "\(again)")
        let json = try notebook.hearth(["sync", "--json"], in: linked)
        #expect(json.stdout.contains("\"remote_branch\":\"main\""), "\(json)")

        // The main worktree, on main, receives it from origin/main.
        let received = try notebook.hearth("sync")
        #expect(received.stdout.contains("from origin/main"), "\(received)")
    }
}

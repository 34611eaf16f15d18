import Foundation
import TestSupport
import Testing

/// Fetch progress goes to stderr on a terminal once a transfer has lasted a moment
/// (`HEARTH_PROGRESS_AFTER` shortens the moment here), and never with `--quiet`.
@Suite struct SyncProgressTests {
    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func progressShowsOnATerminalAndNeverWithQuiet() throws {
        let devices = try SyncCommandTests.TwoDevices()
        for index in 0..<150 {
            try devices.notebook.write("notes/note-\(index).md", "---\ntitle: Note \(index)\n---\nText \(index) \(UUID())\n")
        }
        try devices.notebook.hearth("sync").requireSuccess()
        let desk = ["-C", devices.desk.path]
        let quiet = try devices.notebook.hearthOnTerminal(desk + ["sync", "--quiet"], environment: ["HEARTH_PROGRESS_AFTER": "0"])
        #expect(quiet.status == 0, "\(quiet)")
        #expect(!quiet.stdout.contains("transferring"), "\(quiet.stdout)")

        try devices.notebook.write("notes/more.md", "---\ntitle: More\n---\n" + String(repeating: "more text\n", count: 2000))
        try devices.notebook.hearth("sync").requireSuccess()
        let shown = try devices.notebook.hearthOnTerminal(desk + ["sync"], environment: ["HEARTH_PROGRESS_AFTER": "0"])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains("transferring") && shown.stdout.contains("objects"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Received 1 commit"), "\(shown.stdout)")
    }
}

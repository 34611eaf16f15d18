import ArgumentParser
import Foundation
import SyncKit

/// `hearth sync [REMOTE] [--json] [--quiet]`.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit local changes, merge the remote's entry by entry, and push.",
        discussion: """
            Takes the notebook's sync lock, commits every change, fetches, merges front-matter per \
            key and bodies per line, updates only files you have not touched since, and pushes \
            (fetching and merging again if another device pushed first). Conflicts never stop a \
            sync: both versions are kept and recorded; see hearth conflicts. With no remote \
            configured it commits locally and says so. When the repository (or a folder remote it \
            pushed to) has crossed a maintenance threshold, a small maintenance runs within the \
            sync and a bigger one is started in the background, logged to \
            .git/hearth/maintenance.log (see hearth maintenance); a maintenance that fails is \
            reported, and never fails the sync.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The remote to sync with (default: the branch's upstream, else origin).")
    var remote: String?

    @Flag(help: "Print what the sync did as JSON.")
    var json = false

    @Flag(name: .shortAndLong, help: "No progress and no summary; errors only.")
    var quiet = false

    @Option(help: ArgumentHelp("Seconds to wait for another sync in this notebook to finish.", valueName: "SECONDS"))
    var wait: Double = 10

    @OptionGroup var timeout: TimeoutOption

    @Flag(help: "Trust an ssh server seen for the first time and add its key to ~/.ssh/known_hosts (a changed key is still refused).")
    var acceptNewHost = false

    func run() throws {
        let notebook = try global.notebook()
        let reporter = TransferReporter(quiet: quiet || json)
        let network = SyncNetwork(progress: reporter.report, timeout: try timeout.seconds(notebook: notebook.root),
                                  acceptNewHostKeys: acceptNewHost)
        var options = SyncOptions(remote: remote, network: network, lockWait: wait)
        let hook = SyncCheckpointHook.fromEnvironment()
        options.checkpoint = hook
        options.transferCheckpoint = hook
        options.passphrase = RemotePassphrase.whenNeeded
        options.removedStaleRemoteLock = { Diagnostics.note(StaleRemoteLockNote.text($0)) }
        let syncer: Syncer
        var report: SyncReport
        do {
            syncer = try Syncer(root: notebook.root, options: options)
            report = try syncer.sync()
            reporter.finish()
        } catch {
            reporter.finish()
            throw error
        }
        report.maintenance = SyncMaintenanceFollowUp.run(report.maintenance, root: notebook.root, log: syncer.maintenanceLog)
        if let hint = RemoteHeadHint.line(for: report) { Diagnostics.text(hint) }
        if json {
            try JSONOutput.write(report)
        } else if !quiet {
            Terminal.standardOutput.write(SyncSummary.render(report))
        }
    }
}

import ArgumentParser
import Foundation
import GitKit
import SyncKit

/// `hearth clone URL PATH [--device NAME]`.
struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Copy a notebook from a remote onto this device.",
        discussion: "URL may be a path, file://, ssh://, user@host:path or https:// (a token from $HEARTH_TOKEN). Cloning an empty remote works: the first hearth sync fills it."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The remote notebook.")
    var url: String

    @Argument(help: "The folder to create (must not exist or be empty).")
    var path: String

    @Option(help: "This device's name in commit messages (default: the host name).")
    var device: String?

    @Flag(name: .shortAndLong, help: "No progress output.")
    var quiet = false

    @OptionGroup var timeout: TimeoutOption

    @Flag(help: "Trust an ssh server seen for the first time and add its key to ~/.ssh/known_hosts (a changed key is still refused).")
    var acceptNewHost = false

    func run() throws {
        let base = try global.workingDirectory()
        let target = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: target.path), !entries.isEmpty {
            throw CommandFailure(message: "\(target.path) exists and is not empty; clone into a new folder")
        }
        // A local path is taken relative to -C, like every other path hearth reads.
        let source = RemoteAddress.resolved(url, from: base)
        let reporter = TransferReporter(quiet: quiet)
        let network = SyncNetwork(progress: reporter.report, timeout: try timeout.seconds(notebook: nil), acceptNewHostKeys: acceptNewHost)
        let outcome = try NotebookClone.clone(from: source, to: target, device: device, network: network,
                                              passphrase: { RemotePassphrase.whenNeeded(Remote.redacted(source)) })
        reporter.finish()
        let contents = outcome.entryCount == 0 && outcome.isEmptyRemote
            ? "an empty remote, so a new notebook: add entries and hearth sync"
            : "\(outcome.entryCount) \(outcome.entryCount == 1 ? "entry" : "entries")"
        print("Cloned \(Remote.redacted(url)) into \(outcome.root.path) (device \(outcome.device), \(contents))")
    }
}

import ArgumentParser
import Foundation
import SyncKit

/// `hearth init [PATH] [--device NAME]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a notebook, or adopt an existing folder of Markdown files.",
        discussion: "Makes PATH (default: the current folder) a git repository with hearth.yaml and .gitignore, records this device's name in the clone's git config (hearth.device), and commits what is there. Existing files are never changed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The notebook folder (created when missing).")
    var path: String?

    @Option(help: "This device's name in commit messages (default: the host name).")
    var device: String?

    func run() throws {
        let base = try global.workingDirectory()
        let root = URL(fileURLWithPath: path ?? ".", relativeTo: base).standardizedFileURL
        let outcome = try NotebookSetup.initialize(at: root, device: device)
        let verb = outcome.createdRepository ? "Created" : "Adopted"
        var line = "\(verb) notebook at \(outcome.root.path) (device \(outcome.device), \(outcome.entryCount) \(outcome.entryCount == 1 ? "entry" : "entries"))"
        if let commit = outcome.commit { line += ", commit \(commit.description.prefix(7))" }
        print(line)
    }
}

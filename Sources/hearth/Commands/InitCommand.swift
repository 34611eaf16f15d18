import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// `hearth init [PATH] [--device NAME]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a notebook, or adopt an existing folder of Markdown files.",
        discussion: """
            Makes PATH (default: the current folder) a git repository with hearth.yaml and .gitignore, \
            records this device's name in the clone's git config (hearth.device), and commits what is \
            there. Existing files are never changed. A git repository whose commits hold files that \
            are not notes (anything but Markdown, text, images, PDFs and dot-files such as .obsidian/) \
            is only adopted with --adopt. Every other command finds its notebook by hearth.yaml in the \
            current folder or above; to use this one from any folder, make it the default with \
            git config --global hearth.notebook PATH (or HEARTH_NOTEBOOK=PATH).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The notebook folder (created when missing).")
    var path: String?

    @Option(help: "This device's name in commit messages (default: the host name).")
    var device: String?

    @Flag(help: "Make a git repository whose commits hold files other than notes (a code project, say) a notebook anyway; hearth will sync every file in it.")
    var adopt = false

    func run() throws {
        let base = try global.workingDirectory()
        let root = URL(fileURLWithPath: path ?? ".", relativeTo: base).standardizedFileURL
        let outcome = try NotebookSetup.initialize(at: root, device: device, adopt: adopt)
        let verb = outcome.createdRepository ? "Created" : "Adopted"
        var line = "\(verb) notebook at \(outcome.root.path) (device \(outcome.device), \(outcome.entryCount) \(outcome.entryCount == 1 ? "entry" : "entries"))"
        if let commit = outcome.commit { line += ", commit \(commit.prefix(7))" }
        print(line)
        print("To use it from any folder: git config --global \(DefaultNotebookSource.configKey) \(Self.shellQuoted(outcome.root.resolvingSymlinksInPath().path))")
    }

    /// `path` as a shell word: as it is when it needs no quoting, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+,:@%".contains($0)) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

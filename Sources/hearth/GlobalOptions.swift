import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// Options every command takes, and `hearth` itself before the command: `hearth -C DIR sync` and
/// `hearth sync -C DIR` are the same option, parsed once by the root command and shared with the
/// command it runs (ArgumentParser hands a command the option group its parent already decoded).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C", allowingJoined: true),
            help: ArgumentHelp("Run as if hearth was started in DIR (its notebook, never the default one). Repeatable: each DIR is relative to the one before, as with git -C.",
                               valueName: "DIR"),
            completion: .directory)
    var directories: [String] = []

    /// Changes the process's working directory into each `-C` folder in turn, as git does, so
    /// every path the command reads or prints is relative to the last one. `Hearth.validate()`
    /// calls it once, before the command is parsed and long before any thread starts.
    ///
    /// A folder that is not there stops hearth at once with exit status 2 and one line, as a
    /// usage error: it is not a syntax mistake, so ArgumentParser's usage lines would not help.
    func enterDirectories() {
        for directory in directories where !FileManager.default.changeCurrentDirectoryPath(directory) {
            Diagnostics.error("cannot change to '\(directory)': no such directory")
            Foundation.exit(2)
        }
    }

    /// The directory the command works from: the current one, which `-C` already changed.
    func workingDirectory() throws -> URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// The notebook the command works on: the one enclosing the working directory (the nearest
    /// folder at or above it with `hearth.yaml`), else the default notebook (`HEARTH_NOTEBOOK`,
    /// then `hearth.notebook` in the global git config) unless `-C` named the folder.
    func notebook() throws -> Notebook {
        // A NotebookLocationError is reported with its advice (NotANotebookAdvice).
        try NotebookLocation.notebook(for: try workingDirectory(), directoryNamed: !directories.isEmpty,
                                      environment: ProcessInfo.processInfo.environment)
    }

    /// The folder a path the user typed for an entry is relative to: where they stand when that
    /// is inside `notebook`, like git; else (the default notebook, used from elsewhere) its root.
    func referenceDirectory(in notebook: Notebook) throws -> URL {
        let directory = try workingDirectory()
        let root = notebook.root.standardizedFileURL.path
        let path = directory.standardizedFileURL.path
        return path == root || path.hasPrefix(root + "/") ? directory : notebook.root
    }

    /// Today in the user's time zone; `HEARTH_TODAY` pins it for reproducible demos and tests.
    func today() throws -> LocalDate {
        if let pinned = ProcessInfo.processInfo.environment["HEARTH_TODAY"] {
            return try DateArgument.date(pinned, from: "HEARTH_TODAY=")
        }
        return LocalDate.today()
    }

    /// The path of the entry `reference` names in `notebook`, as every command that takes a REF reads it.
    func resolve(_ reference: String, in notebook: Notebook) throws -> String {
        try notebook.resolve(reference, today: today(), workingDirectory: referenceDirectory(in: notebook))
    }
}

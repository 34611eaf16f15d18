import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// Options every command takes, and `hearth` itself before the command. `-C DIR` means two
/// things, by where it stands, as before it was an option ArgumentParser knows:
/// - before the command (`hearth -C DIR sync`), as git's: each changes directory, relative to the
///   one before, so the command runs as if started there and prints paths from there
///   (``enterLeadingDirectories(_:)``, before parsing);
/// - after it (`hearth sync -C DIR`), an option of the command: the last one names the notebook's
///   folder, from the current one, and nothing changes directory, so printed paths still open
///   from where the user stands (``workingDirectory()``).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C", allowingJoined: true),
            help: ArgumentHelp("Run as if hearth was started in DIR (its notebook, never the default one). Before the command, each DIR is relative to the one before, as with git -C; after it, the last DIR wins and paths are printed from where you are.",
                               valueName: "DIR"),
            completion: .directory)
    var directories: [String] = []

    /// Changes the process's working directory into each `-C` folder that comes before the
    /// command, in turn, as git does, and returns the arguments for ArgumentParser: those `-C`s
    /// become one `-C .` (the folder now current), so the command still knows a folder was named
    /// (the default notebook never stands in for it) and a `-C` after the command still wins.
    /// Called once, before parsing and long before any thread starts.
    ///
    /// A `-C` without a folder, or with one that is not there, stops hearth at once with exit
    /// status 2 and one line: it is not a syntax mistake, so usage lines would not help.
    static func enterLeadingDirectories(_ arguments: [String]) -> [String] {
        var rest = arguments[...]
        var entered = false
        while let flag = rest.first, flag.hasPrefix("-C") {
            rest = rest.dropFirst()
            var directory = String(flag.dropFirst(2))
            if directory.isEmpty {
                // As the parser reads `-C`: an option after it is not its folder.
                guard let next = rest.first, !next.hasPrefix("-") || next == "-" else {
                    Diagnostics.error("\(CommandLineMistake.missingDirectory)")
                    Foundation.exit(2)
                }
                directory = next
                rest = rest.dropFirst()
            }
            guard FileManager.default.changeCurrentDirectoryPath(directory) else {
                Diagnostics.error("cannot change to '\(directory)': no such directory")
                Foundation.exit(2)
            }
            entered = true
        }
        return (entered ? ["-C", "."] : []) + Array(rest)
    }

    /// The directory the command works from: the last `-C` after the command, from the current
    /// directory (which a `-C` before it changed); else the current directory.
    func workingDirectory() throws -> URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        guard let directory = directories.last else { return current }
        let url = URL(fileURLWithPath: directory, relativeTo: current).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure.usage("cannot change to '\(directory)': no such directory")
        }
        return url
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
        return path.utf8.elementsEqual(root.utf8) || NotebookLayout.relative(path, below: root) != nil ? directory : notebook.root
    }

    /// Today in the user's time zone; `HEARTH_TODAY` pins it for reproducible demos and tests.
    func today() throws -> LocalDate {
        try DateArgument.today()
    }

    /// The path of the entry `reference` names in `notebook`, as every command that takes a REF reads it.
    func resolve(_ reference: String, in notebook: Notebook) throws -> String {
        try notebook.resolve(reference, today: today(), workingDirectory: referenceDirectory(in: notebook))
    }
}

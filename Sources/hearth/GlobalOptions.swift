import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if hearth was started in DIR (its notebook, never the default one).", valueName: "DIR"), completion: .directory)
    var directory: String?

    /// Set by `main.swift` when a `-C DIR` before the command changed the working directory:
    /// a named folder must hold a notebook itself, the default notebook does not stand in for it.
    /// Written once at start-up, before any command runs or any thread starts.
    nonisolated(unsafe) static var directoryNamedBeforeCommand = false

    /// The directory the command works from.
    func workingDirectory() throws -> URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        guard let directory else { return current }
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
        do {
            return try NotebookLocation.notebook(for: try workingDirectory(), directoryNamed: directory != nil || Self.directoryNamedBeforeCommand,
                                                 environment: ProcessInfo.processInfo.environment)
        } catch let error as NotebookLocationError {
            throw CommandFailure(message: NotANotebookAdvice.message(for: error))
        }
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

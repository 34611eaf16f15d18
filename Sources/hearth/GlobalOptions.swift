import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if hearth was started in DIR.", valueName: "DIR"), completion: .directory)
    var directory: String?

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

    /// The notebook enclosing the working directory (its git work tree, or the folder itself).
    func notebook() throws -> Notebook {
        NotebookLocation.notebook(containing: try workingDirectory())
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
        try notebook.resolve(reference, today: today(), workingDirectory: workingDirectory())
    }
}

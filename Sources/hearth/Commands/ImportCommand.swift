import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth import jrnl|dayone FILE`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import entries from a jrnl or Day One JSON export as notes.",
        discussion: """
            SOURCE is jrnl (the file `jrnl --export json` writes) or dayone (Day One's JSON export). \
            Each entry becomes notes/SOURCE/YYYY-MM-DD-SLUG.md with kind: note, its date and local \
            time (Day One: in the entry's own time zone), title, tags (jrnl's @ removed), \
            starred: true when starred, source and source_id; the body is the entry's Markdown \
            under a `# Title` line. Entries whose source and source_id are already in the notebook \
            are skipped, so importing the same file twice adds nothing. The whole file is checked \
            first: a bad file or entry is reported and nothing is written; so is a notebook file \
            that cannot be read (it might be an earlier import).
            Prints each created file; a summary goes to stderr.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("jrnl or dayone.", valueName: "SOURCE"))
    var source: String

    @Argument(help: ArgumentHelp("The JSON export to read.", valueName: "FILE"))
    var file: String

    func validate() throws {
        guard ImportSource(rawValue: source) != nil else {
            throw ValidationError("unknown source '\(source)': use jrnl or dayone")
        }
    }

    func run() throws {
        let source = ImportSource(rawValue: self.source)!
        let path = URL(fileURLWithPath: file, relativeTo: try global.workingDirectory()).standardizedFileURL.path
        let notebook = try global.notebook()
        let plan: ImportPlan
        do {
            let entries = try source.entries(atPath: path, file: file)
            plan = try ImportPlan(entries: entries, notebook: notebook)
        } catch {
            if case .unreadableNotebook(let diagnostics) = error {
                Terminal.standardError.write(DiagnosticReport.render(diagnostics, terminal: .standardError))
            }
            throw CommandFailure(message: error.description)
        }
        // Every note is checked before the first is written, so a bad one leaves nothing half-done.
        for note in plan.notes { try notebook.checkCreatable(note) }
        var created = 0
        defer {
            // Also after a failed write, so the summary matches the files listed above it.
            let noun = created == 1 ? "entry" : "entries"
            Terminal.standardError.write("imported \(created) \(noun), skipped \(plan.skipped.count) already present\n")
        }
        for note in plan.notes {
            try notebook.create(note)
            created += 1
            Terminal.standardOutput.write(note.path + "\n")
        }
    }
}

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
            under a `# Title` line (jrnl: the title's @tags become tags and lose their @). Entries \
            whose source and source_id are already in the notebook are skipped, so importing the \
            same file twice adds nothing. An entry edited in the other app since (jrnl: the one \
            note of its date and time) updates its note in place, but only when the note is exactly \
            as the last import wrote it (source_hash holds a hash of it): a note you edited in hearth \
            is never overwritten and is named on stderr. The whole file is checked \
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
                Diagnostics.diagnostics(diagnostics)
            }
            throw error
        }
        // Every note is checked before the first is written, so a bad one leaves nothing half-done.
        for note in plan.notes { try notebook.checkCreatable(note) }
        for note in plan.kept {
            Diagnostics.status("kept \(note.path): its entry changed in \(source.rawValue), but the note was edited in hearth since the import (or imported by an older hearth), so it is not overwritten; merge the change by hand")
        }
        var created = 0
        var updated = 0
        defer {
            // Also after a failed write, so the summary matches the files listed above it.
            let noun = created == 1 ? "entry" : "entries"
            let changed = updated + plan.kept.count > 0 ? ", updated \(updated), kept \(plan.kept.count) edited in hearth" : ""
            Diagnostics.status("imported \(created) \(noun)\(changed), skipped \(plan.skipped.count) already present")
        }
        for update in plan.updates {
            try notebook.update(update.current.path) { note in
                // The file changed since the plan read it: it may be an edit in hearth now.
                guard note.text == update.current.text else {
                    throw CommandFailure(message: "\(note.path) changed while importing; nothing more was written, run the import again")
                }
                note = update.updated
            }
            updated += 1
            Terminal.standardOutput.write(update.updated.path + "\n")
        }
        for note in plan.notes {
            try notebook.create(note)
            created += 1
            Terminal.standardOutput.write(note.path + "\n")
        }
    }
}

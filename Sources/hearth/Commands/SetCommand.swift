import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth set REF key=value ...`.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set front-matter keys of an entry, changing only their lines.",
        discussion: """
            Values are read as YAML reads them (3 is a number, true a boolean, [a, b] a list, "23:30" text) \
            and checked against the entry's kind (a day's energy is 1-5). Nothing is written unless every value is valid. \
            `hearth set today ...` creates today's entry when it does not exist.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry: a path, a date, today, yesterday, or the start of a file name.", completion: EntryReferenceCompletion.kind)
    var reference: String

    @Argument(help: ArgumentHelp("Keys to set.", valueName: "key=value"))
    var assignments: [String]

    func validate() throws {
        if assignments.isEmpty { throw ValidationError("give at least one key=value") }
    }

    func run() throws {
        let notebook = try global.notebook()
        let pairs = try EntryFactory.assignments(assignments)
        let today = try global.today()
        let path: String
        do {
            path = try global.resolve(reference, in: notebook)
        } catch NotebookError.notFound where Notebook.day(namedBy: reference, today: today) != nil {
            // Quick logging: `hearth set today energy=2` works before the day was opened. The
            // values are applied (and so validated) in memory first: a refused value writes nothing.
            let day = Notebook.day(namedBy: reference, today: today)!
            let note: Note
            do {
                note = try EntryFactory.make(kind: .day, date: day, title: nil, assignments: pairs, notebook: notebook)
            } catch let error as JournalError {
                throw CommandFailure(message: "\(NotebookLayout.path(for: .day, date: day, slug: nil)): \(error); nothing was written")
            }
            try notebook.create(note)
            print(DisplayPath.of(note.path, in: notebook))
            return
        }
        try notebook.update(path) { note in
            for (key, value) in pairs {
                do {
                    note.set(key, to: try FieldValue.parse(value, key: key, kind: note.kind))
                } catch {
                    // Name the file and the key's line, so the message points where to look.
                    let location = note.line(ofKey: key).map { "\(path):\($0)" } ?? path
                    throw CommandFailure(message: "\(location): \(error); nothing was written")
                }
            }
        }
        print(DisplayPath.of(path, in: notebook))
    }
}

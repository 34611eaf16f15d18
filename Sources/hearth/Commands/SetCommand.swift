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
            and checked against the entry's kind (a day's energy is 1-5); a list key also takes a,b. \
            Spaces around = are ignored. A key the entry lacks that differs from a known one only by case \
            or a small typo (Mood, enrgy) is refused with the key meant, unless --new-key. \
            Nothing is written unless every key and value is valid. \
            `hearth set DAY ...` creates that day's entry when it does not exist.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry: a path, a date, today, yesterday, or the start of a file name.", completion: EntryReferenceCompletion.kind)
    var reference: String

    @Argument(help: ArgumentHelp("Keys to set.", valueName: "key=value"))
    var assignments: [String]

    @Flag(help: "Add keys that look like a misspelling of a known key (Mood next to mood).")
    var newKey = false

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
            try DateArgument.requireBegun(day, text: reference, from: "", today: today)
            let note: Note
            do {
                note = try EntryFactory.make(kind: .day, date: day, title: nil, assignments: pairs, notebook: notebook, newKeys: newKey)
            } catch let error as JournalError {
                throw failure(error, in: nil, path: NotebookLayout.path(for: .day, date: day, slug: nil))
            }
            try notebook.create(note)
            NewDayNotice.report(note.path, day: day, today: today)
            print(DisplayPath.of(note.path, in: notebook))
            return
        }
        try notebook.update(path) { note in
            let original = note
            do {
                try EntryFactory.apply(pairs, to: &note, newKeys: newKey)
            } catch let error as JournalError {
                throw failure(error, in: original, path: path)
            }
        }
        print(DisplayPath.of(path, in: notebook))
    }

    /// The refusal, naming the file and the line of the key concerned so the message points where
    /// to look.
    private func failure(_ error: JournalError, in note: Note?, path: String) -> CommandFailure {
        let line = error.lineKey.flatMap { note?.line(ofKey: $0) }
        let location = line.map { "\(path):\($0)" } ?? path
        return CommandFailure(message: "\(location): " + error.message(outcome: "nothing was written"), exitCode: error.exitCode)
    }
}

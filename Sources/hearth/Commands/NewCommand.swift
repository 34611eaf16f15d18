import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth new KIND [--date D] [--title T] [--set key=value ...] [--no-edit]`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an entry from its template and open it.",
        discussion: "KIND is day, note, experiment or week. Prints the new file's path. A day or week that exists is opened, never overwritten."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "day, note, experiment or week.", completion: KindCompletion.kind)
    var kind: String

    @Option(help: "The entry's date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "The title (names the file of notes and experiments).")
    var title: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a front-matter key (repeatable).", valueName: "key=value"))
    var assignments: [String] = []

    @Flag(help: "Do not open the editor.")
    var noEdit = false

    func validate() throws {
        guard ["day", "note", "experiment", "week"].contains(kind) else {
            throw ValidationError("unknown kind '\(kind)': use day, note, experiment or week")
        }
        if let date, LocalDate(date) == nil { throw ValidationError("--date \(date) is not a date like 2026-11-22") }
        if (kind == "note" || kind == "experiment") && (title ?? "").isEmpty {
            throw ValidationError("a new \(kind) needs --title")
        }
    }

    func run() throws {
        let date = try self.date.flatMap(LocalDate.init) ?? global.today()
        try EntryOpener(global: global, noEdit: noEdit)
            .createOrOpen(kind: NoteKind(rawValue: kind), date: date, title: title, assignments: assignments)
    }
}

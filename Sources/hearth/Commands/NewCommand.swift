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

    @Option(help: "The entry's date: YYYY-MM-DD, today, tomorrow, yesterday, 3 days ago, monday..., and for a week this week or last week (default: today).")
    var date: String?

    @Option(help: "The title (names the file of notes and experiments).")
    var title: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a front-matter key (repeatable).", valueName: "key=value"))
    var assignments: [String] = []

    @Flag(help: "Do not open the editor.")
    var noEdit = false

    @Flag(help: "Allow --set keys that look like a misspelling of a known key (Mood next to mood).")
    var newKey = false

    func validate() throws {
        guard ["day", "note", "experiment", "week"].contains(kind) else {
            throw ValidationError("unknown kind '\(kind)': use day, note, experiment or week")
        }
        try DateArgument.validate(date, from: "--date", as: role)
        if (kind == "note" || kind == "experiment") && (title ?? "").isEmpty {
            throw ValidationError("a new \(kind) needs --title")
        }
    }

    /// A week entry's date may be a week (`last week`); any other entry's is one day.
    private var role: DateArgument.Role { kind == "week" ? .weekEntry : .newEntry }

    func run() throws {
        let today = try global.today()
        let date = try self.date.map { try DateArgument.day($0, from: "--date", as: role, today: today) } ?? today
        try EntryOpener(global: global, noEdit: noEdit, newKeys: newKey)
            .createOrOpen(kind: NoteKind(rawValue: kind), date: date, title: title, assignments: assignments)
    }
}

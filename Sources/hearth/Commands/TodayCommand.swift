import ArgumentParser
import NoteKit

/// `hearth today`: create or open today's day entry.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Create or open today's check-in.",
        discussion: "Creates days/YYYY/YYYY-MM-DD.md from the day template when it does not exist, prints its path and opens it in $VISUAL or $EDITOR (on a terminal, unless --no-edit)."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Do not open the editor.")
    var noEdit = false

    func run() throws {
        try EntryOpener(global: global, noEdit: noEdit)
            .createOrOpen(kind: .day, date: try global.today(), title: nil, assignments: [])
    }
}

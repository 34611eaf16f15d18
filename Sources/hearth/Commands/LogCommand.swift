import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// `hearth log [REF] [--since D] [--until D] [-p] [--json]`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the notebook's history, or one entry's, in words.",
        discussion: """
            Each change shows its commit, time and device, then what changed in each entry: \
            front-matter as `energy 3 -> 2` or `tags +travel -deadline`, the body as lines added \
            and removed (-p prints them). Merges name the devices that met and what conflicted. \
            With an entry, follows it through renames; a deleted entry can be named too.
            """
    )

    @OptionGroup var options: HistoryOptions

    @Argument(help: "An entry: a path, a date, today, yesterday, or the start of a file name (it may have been deleted). Default: every entry.", completion: EntryReferenceCompletion.kind)
    var reference: String?

    @Option(help: ArgumentHelp("Only changes recorded on or after this day.", valueName: "DAY"))
    var since: String?

    @Option(help: ArgumentHelp("Only changes recorded on or before this day.", valueName: "DAY"))
    var until: String?

    @Option(name: [.customShort("n", allowingJoined: true), .long], help: ArgumentHelp("Show at most this many changes.", valueName: "N"))
    var number: Int?

    @Flag(name: [.customShort("p"), .customLong("patch")], help: "Print the body lines added and removed.")
    var patch = false

    @Flag(help: "Print one JSON array of changes.")
    var json = false

    func validate() throws {
        if let number, number < 1 { throw ValidationError("-n \(number): give a number of changes of at least 1") }
    }

    func run() throws {
        let notebook = try options.global.notebook()
        let history = try options.history(of: notebook)
        let path = try reference.map { try options.path(of: $0, in: notebook, history: history) }
        let window = try options.window(since: since, until: until)
        let events = try history.events(following: path, since: window.since, until: window.until, limit: number)
        if json {
            JSONOutput.write(rows: events) { HistoryFormatter.json($0, patch: patch) }
        } else {
            Terminal.standardOutput.write(HistoryFormatter.text(events, patch: patch, on: .standardOutput))
        }
    }
}

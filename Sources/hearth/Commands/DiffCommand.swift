import ArgumentParser
import Foundation
import HistoryKit
import NoteKit
import SyncKit

/// `hearth diff [REF] [--since D] [-p] [--json]`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what changed, in hearth log's words.",
        discussion: """
            Without --since: the edits not yet recorded by a sync. With --since DAY: everything \
            that changed from the start of that day to the files as they are now.
            """
    )

    @OptionGroup var options: HistoryOptions

    @Argument(help: "An entry: a path, a date, today, yesterday, or the start of a file name. Default: every entry.", completion: EntryReferenceCompletion.kind)
    var reference: String?

    @Option(help: ArgumentHelp("Compare with the notebook as it was when this day began.", valueName: "DAY"))
    var since: String?

    @Flag(name: [.customShort("p"), .customLong("patch")], help: "Print the body lines added and removed.")
    var patch = false

    @Flag(help: "Print one JSON array of changed entries.")
    var json = false

    func run() throws {
        let notebook = try options.global.notebook()
        let history = try options.history(of: notebook)
        let path = try reference.map { try options.path(of: $0, in: notebook, history: history) }
        // The notebook as the day began: as it was at the end of the day before.
        let point = try since.map { text in
            HistoryPoint.time(HistoryPoint.end(of: try options.day(text, option: "since").adding(days: -1)), label: text)
        }
        let changes = try history.changes(since: point, following: path)
        if json {
            JSONOutput.write(rows: changes) { HistoryFormatter.json($0, patch: patch) }
        } else if changes.isEmpty {
            Diagnostics.status(since == nil ? "No changes since the last sync." : "No changes since \(since ?? "").")
        } else {
            Terminal.standardOutput.write(HistoryFormatter.text(changes, patch: patch, on: .standardOutput))
        }
    }
}

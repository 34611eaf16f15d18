import ArgumentParser
import Foundation
import JournalKit

/// `hearth jot TEXT`.
struct JotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jot",
        abstract: "Add a timestamped note to today's log: '- HH:MM TEXT' under '## Log'."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var log: LogOptions

    @Argument(help: "The note (quote it or give several words).")
    var text: [String]

    func run() throws {
        let now = Calendar.current.dateComponents([.hour, .minute], from: Date())
        let line = DayLog.jotLine(text.joined(separator: " "), hour: now.hour ?? 0, minute: now.minute ?? 0)
        try log.append(line, to: .log, global)
    }
}

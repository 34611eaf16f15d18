import ArgumentParser
import Foundation
import JournalKit

/// `hearth jot TEXT [--date D] [--time HH:MM]`.
struct JotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jot",
        abstract: "Add a timestamped note to today's log: '- HH:MM TEXT' under '## Log'.",
        discussion: """
            The time is the clock's for today's log. For another day (--date) the line has no time \
            unless --time gives it: the clock's time would be made up.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var log: LogOptions

    @Option(help: ArgumentHelp("The time of the note on a 24-hour clock (default: now, and none for another day).", valueName: "HH:MM"))
    var time: String?

    @Argument(help: "The note (quote it or give several words).")
    var text: [String]

    func validate() throws {
        if let time, DayLog.clockTime(time) == nil {
            throw ValidationError("--time \(time) is not a time like 14:05 (HH:MM, 24-hour clock)")
        }
    }

    func run() throws {
        let note = text.joined(separator: " ")
        let line: String
        if let clock = time.flatMap(DayLog.clockTime) {
            line = DayLog.jotLine(note, hour: clock.hour, minute: clock.minute)
        } else if try log.day(global) == global.today() {
            let now = Calendar.current.dateComponents([.hour, .minute], from: Date())
            line = DayLog.jotLine(note, hour: now.hour ?? 0, minute: now.minute ?? 0)
        } else {
            line = DayLog.jotLine(note)
        }
        try log.append(line, to: .log, global)
    }
}

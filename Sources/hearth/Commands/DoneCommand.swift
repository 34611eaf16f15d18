import ArgumentParser
import JournalKit

/// `hearth done CATEGORY TEXT`.
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Add an item to today's done list: '- CATEGORY: TEXT' under '## Done'.",
        discussion: "Categories: ship, learn, read, review, help, chore (learning and housekeeping count), or any one lowercase word."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var log: LogOptions

    @Argument(help: "ship, learn, read, review, help, chore, ...")
    var category: String

    @Argument(help: "What you did (quote it or give several words).")
    var text: [String]

    func run() throws {
        let line = try DayLog.doneLine(category: category, text: text.joined(separator: " "))
        try log.append(line, to: .done, global)
    }
}

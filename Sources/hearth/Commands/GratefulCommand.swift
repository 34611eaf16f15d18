import ArgumentParser
import JournalKit

/// `hearth grateful TEXT`.
struct GratefulCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grateful",
        abstract: "Add an item under '## Grateful' in today's entry."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var log: LogOptions

    @Argument(help: "What you are grateful for.")
    var text: [String]

    func run() throws {
        try log.append("- " + text.joined(separator: " "), to: .grateful, global)
    }
}

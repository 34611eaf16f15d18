import ArgumentParser
import JournalKit

/// `hearth learned TEXT`.
struct LearnedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learned",
        abstract: "Add a beautiful thing you learned under '## Learned' in today's entry."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var log: LogOptions

    @Argument(help: "What you learned.")
    var text: [String]

    func run() throws {
        try log.append("- " + text.joined(separator: " "), to: .learned, global)
    }
}

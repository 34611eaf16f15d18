import ArgumentParser
import Foundation

/// `hearth edit REF`.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open an entry in $VISUAL or $EDITOR.",
        discussion: "REF is a path, a date (2026-11-22), today, yesterday, or a unique start of a file name. Prints the path; opens the editor only on a terminal."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry: a path, a date, today, yesterday, or the start of a file name.", completion: EntryReferenceCompletion.kind)
    var reference: String

    @Flag(help: "Only print the path.")
    var noEdit = false

    func run() throws {
        let notebook = try global.notebook()
        let path = try global.resolve(reference, in: notebook)
        print(DisplayPath.of(path, in: notebook))
        if !noEdit && Editor.isAvailable {
            try Editor.open(path, in: notebook)
        }
    }
}

import ArgumentParser
import Foundation
import NoteKit

/// `hearth show REF [--json]`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an entry.",
        discussion: "Prints the file as it is; with --json, its path, kind, date, front_matter (an object) and body."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry: a path, a date, today, yesterday, or the start of a file name.", completion: EntryReferenceCompletion.kind)
    var reference: String

    @Flag(help: "Print as a JSON object.")
    var json = false

    func run() throws {
        let notebook = try global.notebook()
        let path = try global.resolve(reference, in: notebook)
        let note = try notebook.load(path)
        if json {
            let frontMatter = JSONValue.object((note.frontMatter?.entries ?? []).map { ($0.key, $0.value.jsonObject) })
            let object = JSONValue.object([
                ("path", .string(note.path)),
                ("kind", .string(note.kind.rawValue)),
                ("date", note.date.map { .string($0.description) } ?? .null),
                ("front_matter", frontMatter),
                ("body", .string(note.body)),
            ])
            print(object.serialized())
        } else {
            Terminal.standardOutput.write(note.text)
        }
    }
}

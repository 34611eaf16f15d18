import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth unset REF key ...`.
struct UnsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unset",
        abstract: "Remove front-matter keys from an entry, changing only their lines."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry: a path, a date, today, yesterday, or the start of a file name.", completion: EntryReferenceCompletion.kind)
    var reference: String

    @Argument(help: "Keys to remove.")
    var keys: [String]

    func validate() throws {
        if keys.isEmpty { throw ValidationError("give at least one key") }
    }

    func run() throws {
        let notebook = try global.notebook()
        let path = try global.resolve(reference, in: notebook)
        var missing: [(key: String, suggestion: String?)] = []
        try notebook.update(path) { note in
            let present = note.frontMatter?.entries.map(\.key) ?? []
            for key in keys where !note.remove(key) {
                missing.append((key, NameSuggestion.nearest(to: key, among: present)))
            }
        }
        for (key, suggestion) in missing {
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            Diagnostics.note("\(path) has no '\(key)'; nothing to remove\(hint)")
        }
        print(DisplayPath.of(path, in: notebook))
    }
}

import ArgumentParser
import Foundation
import HistoryKit
import NoteKit
import SyncKit

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

    @Option(help: ArgumentHelp("Print the entry as it was: at the end of a day, at a time like 2026-11-20T14:30, or at a commit from hearth log. The entry may have been deleted since.", valueName: "DATE|COMMIT"))
    var at: String?

    func run() throws {
        let notebook = try global.notebook()
        if let at {
            try showVersion(at: at, in: notebook)
            return
        }
        let path: String
        do {
            path = try global.resolve(reference, in: notebook)
        } catch NotebookError.notFound {
            throw try deletedEntryHint(in: notebook) ?? NotebookError.notFound(reference: reference)
        }
        let note = try notebook.load(path)
        write(note, extra: [])
    }

    private func write(_ note: Note, extra: [(String, JSONValue)]) {
        if json {
            let frontMatter = JSONValue.object((note.frontMatter?.entries ?? []).map { ($0.key, $0.value.jsonObject) })
            let object = JSONValue.object([
                ("path", .string(note.path)),
                ("kind", .string(note.kind.rawValue)),
                ("date", note.date.map { .string($0.description) } ?? .null),
                ("front_matter", frontMatter),
                ("body", .string(note.body)),
            ] + extra)
            JSONOutput.write(object)
        } else {
            Terminal.standardOutput.write(note.text)
        }
    }

    /// `--at`: the version from history, printed byte for byte (or as JSON with its commit).
    private func showVersion(at point: String, in notebook: Notebook) throws {
        let history = try HistoryOptions.history(of: notebook)
        let path = try HistoryOptions.path(of: reference, in: notebook, history: history, global: global)
        let version = try history.version(of: path, at: HistoryOptions.point(point, global: global))
        guard json else {
            FileHandle.standardOutput.write(version.bytes)
            return
        }
        let note: Note
        do {
            note = try Note(parsing: version.bytes, path: version.path)
        } catch {
            throw CommandFailure(message: "\(version.path) at \(point) cannot be read as an entry (\(error.message)); print it as it was without --json")
        }
        write(note, extra: [
            ("commit", .string(version.commit.id.description)),
            ("commit_date", .string(HistoryFormatter.isoTime(version.commit.committer.date, offsetMinutes: version.commit.committer.timeZoneOffsetMinutes))),
        ])
    }

    /// For an entry that was deleted: where it was, and how to see or restore its last version.
    private func deletedEntryHint(in notebook: Notebook) throws -> CommandFailure? {
        guard let history = try? HistoryOptions.history(of: notebook),
              let path = try? HistoryOptions.path(of: reference, in: notebook, history: history, global: global),
              let last = try history.lastVersion(of: path) else { return nil }
        let short = last.description.prefix(7)
        return CommandFailure(message:
            "\(path) was deleted; its last version is in commit \(short). "
                + "See it with hearth show \(reference) --at \(short), bring it back with hearth restore \(reference) --at \(short)")
    }
}

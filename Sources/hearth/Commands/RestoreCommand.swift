import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// `hearth restore REF --at DATE|COMMIT`.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring back an entry as it was, as a new change.",
        discussion: """
            Writes the old version over the entry (or brings a deleted entry back) and records it \
            as a new commit, `DEVICE: restore PATH as of ...`; history is never rewritten. The \
            entry's edits not yet synced are committed first, so the version being replaced stays \
            in history; edits of other entries are left for the next sync. hearth sync then sends \
            the restore to your other devices.
            """
    )

    @OptionGroup var options: HistoryOptions

    @Argument(help: "The entry: a path, a date, today, yesterday, or the start of a file name (it may have been deleted).", completion: EntryReferenceCompletion.kind)
    var reference: String

    @Option(help: ArgumentHelp("Which version: a day (as it was at its end, each change dated by the clock of the device that made it), a time like 2026-11-20T14:30, or a commit id from hearth log.", valueName: "DATE|COMMIT"))
    var at: String

    @Flag(help: "Print what was done as a JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Seconds to wait for a sync running in this notebook to finish.", valueName: "SECONDS"))
    var wait: Double = 10

    func validate() throws {
        guard wait >= 0, wait.isFinite else { throw ValidationError("--wait \(wait) is not a number of seconds, 0 or more") }
    }

    func run() throws {
        let notebook = try options.global.notebook()
        let history = try options.history(of: notebook)
        let path = try options.path(of: reference, in: notebook, history: history)
        let version = try history.version(of: path, at: HistoryOptions.point(at, global: options.global))
        // The entry comes back under the name it has now, or had last: the one the user named.
        // The label is the version's own commit and time, so the message means the same on every
        // device and in every time zone ("yesterday" would not).
        let committed = version.commit.committer
        let label = "\(version.commit.id.description.prefix(7)) (\(HistoryFormatter.isoTime(committed.date, offsetMinutes: committed.timeZoneOffsetMinutes)))"
        let outcome = try Syncer(root: notebook.root, options: SyncOptions(lockWait: wait)).restore(path, to: version.bytes, label: label)
        if json {
            JSONOutput.write(JSONValue.object([
                ("path", .string(outcome.path)),
                ("from_commit", .string(version.commit.id.description)),
                ("commit", outcome.commit.map(JSONValue.string) ?? .null),
                ("saved_first", outcome.savedFirst.map(JSONValue.string) ?? .null),
                ("change", outcome.change.map { HistoryFormatter.json($0, patch: false) } ?? .null),
            ]))
            return
        }
        if let saved = outcome.savedFirst {
            Diagnostics.status("Recorded your unsynced edits first: \(saved)")
        }
        guard let commit = outcome.commit, let change = outcome.change else {
            print("\(outcome.path) already reads as it did at \(label); nothing to restore")
            return
        }
        print("Restored \(outcome.path) as of \(label), commit \(commit.prefix(7))")
        print("    \(change.words)")
    }
}

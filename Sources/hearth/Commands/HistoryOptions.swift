import ArgumentParser
import Foundation
import GitKit
import HistoryKit
import NoteKit
import SyncKit

/// What the history commands share: finding an entry that may have been deleted, and reading
/// `--since`/`--until`/`--at` days.
struct HistoryOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    /// The notebook's history.
    func history(of notebook: Notebook) throws -> NotebookHistory {
        try Self.history(of: notebook)
    }

    /// The notebook's history, read without re-hashing every object (as git reads; see
    /// `ObjectHashVerification.skipOnRead`): a walk over years of commits reads thousands. The
    /// command exits once it has told it, so the repository is left for the exit to free.
    static func history(of notebook: Notebook) throws -> NotebookHistory {
        ObjectHashVerification.skipOnRead()
        let history = try NotebookHistory(root: notebook.root)
        history.keepUntilExit()
        HistoryRenameIndex.attach(to: history, of: notebook)
        return history
    }

    /// The path of the entry `reference` names: one that exists now, else one the history holds.
    func path(of reference: String, in notebook: Notebook, history: NotebookHistory) throws -> String {
        try Self.path(of: reference, in: notebook, history: history, global: global)
    }

    /// ``path(of:in:history:)`` for commands that take the global options alone.
    static func path(of reference: String, in notebook: Notebook, history: NotebookHistory, global: GlobalOptions) throws -> String {
        var isFolder: ObjCBool = false
        let named = URL(fileURLWithPath: reference, relativeTo: try global.referenceDirectory(in: notebook))
        if reference.hasSuffix("/") || FileManager.default.fileExists(atPath: named.path, isDirectory: &isFolder) && isFolder.boolValue {
            throw CommandFailure.usage("\(reference) is a folder; name one entry (a path, a date, or the start of a file name), or none for the whole notebook")
        }
        do {
            return try global.resolve(reference, in: notebook)
        } catch NotebookError.notFound {
            let isPath = reference.hasSuffix(".md") || reference.contains("/")
            let userPath = isPath ? try notebook.relativePath(ofUserPath: reference, workingDirectory: global.referenceDirectory(in: notebook)) : nil
            return try history.pastEntry(named: reference, today: global.today(), userPath: userPath)
        }
    }

    /// The point `--at` names; a date or time with a mistake in it is a usage error, not an
    /// unknown commit.
    static func point(_ text: String, global: GlobalOptions) throws -> HistoryPoint {
        // `tomorrow` and weeks are read as days but name no moment of the past: say so.
        if DateArgument.isDay(text) { _ = try DateArgument.day(text, from: "--at", today: global.today()) }
        let point = HistoryPoint(text, today: try global.today())
        if case .revision = point, let nearest = DateArgument.suggestion(for: text, role: .day) {
            throw CommandFailure.usage("--at \(text) is neither a day hearth reads nor a commit; did you mean '\(nearest)'?")
        }
        if case .revision = point, HistoryPoint.isMalformedDate(text) {
            // `2026-02-30` or `2026-02-30T10:00`: the day itself does not exist.
            let day = String(text.prefix(10))
            if LocalDate.isDateShaped(day), LocalDate(day) == nil { throw CommandFailure.usage(DateArgument.message(day, from: "--at")) }
            throw CommandFailure.usage("--at \(text) is not a day like 2026-11-20 or a time like 2026-11-20T14:30 (seconds and a space instead of T work too); a commit id from hearth log works as well")
        }
        return point
    }

    /// A `--since`/`--until` day: a date or a phrase (`3 days ago`; a week gives its Monday or its Sunday).
    func day(_ text: String, option: String) throws -> LocalDate {
        try DateArgument.day(text, from: "--" + option, as: option == "until" ? .until : .since, today: global.today())
    }

    /// The moments `--since D` (the start of D) and `--until D` (the end of D) mean.
    func window(since: String?, until: String?) throws -> (since: Date?, until: Date?) {
        let days = try DateArgument.window(since: since, until: until, today: global.today())
        return (days.since.map { HistoryPoint.start(of: $0) }, days.until.map { HistoryPoint.end(of: $0) })
    }
}

import ArgumentParser
import Foundation
import GitKit
import HistoryKit
import NoteKit
import SyncKit

/// `hearth grep PATTERN [--kind K] [--field KEY] [--since D] [--until D] [--history] [--json] [-i]`.
struct GrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grep",
        abstract: "Search entries' text or one front-matter field, now or in every past version.",
        discussion: """
            PATTERN is a POSIX extended regular expression, as in grep -E (the C library's regcomp, \
            matched in UTF-8): a|b, (x)+, [0-9]{4}, ^ and $ at line ends (before \\r\\n too); a match \
            never spans two lines; -i ignores case. Start a \
            pattern that begins with - after --, as in hearth grep -- -x.
            Prints path:line:text for each matching body line (line numbers are the file's own); \
            with --field KEY, path:line:KEY: value for each matching value of that front-matter key, \
            list items one by one. --kind, --since and --until filter by the entry's kind and date \
            (inclusive). Binary files are skipped (a note on stderr says when one matches).
            With --history every version of every entry in the notebook's git history is searched \
            too, so deleted text is found: each line shows the day, device and commit that first \
            had it and, when it is gone, those that removed it; edits not yet committed count \
            as the newest version. Renamed entries are followed (on both sides of a merge): a \
            line keeps the commit that first had it and is shown once, under the entry's name now. \
            "with the whole entry" means the commit that removed the line deleted the entry. \
            With --history, --since and --until select by commit date: lines that were in the \
            notebook at some time between those days.
            Exit status as grep: 0 when something matched, 1 when nothing did, 2 for a bad pattern, \
            a usage error or a file that could not be read.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A POSIX extended regular expression (grep -E syntax).")
    var pattern: String

    @Option(help: "Only entries of this kind (repeatable).", completion: KindCompletion.kind)
    var kind: [String] = []

    @Option(help: ArgumentHelp("Search this front-matter key's value instead of the body.", valueName: "KEY"))
    var field: String?

    @Option(help: "Only entries dated on or after this day (YYYY-MM-DD); with --history, by commit date.")
    var since: String?

    @Option(help: "Only entries dated on or before this day (YYYY-MM-DD); with --history, by commit date.")
    var until: String?

    @Flag(help: "Search every past version too, naming who added and who removed each line.")
    var history = false

    @Flag(help: "One JSON array of matches: path, line, text, field, kind, date (and added/removed with --history).")
    var json = false

    @Flag(name: [.customShort("i"), .customLong("ignore-case")], help: "Ignore case distinctions, for non-ASCII letters too.")
    var ignoreCase = false

    func validate() throws {
        try DateArgument.validateWindow(since: since, until: until)
        if let field, field.isEmpty { throw ValidationError("--field needs a front-matter key, such as --field tags") }
    }

    func run() throws {
        let matcher: GrepMatcher
        do {
            matcher = try GrepMatcher(pattern: pattern, ignoreCase: ignoreCase)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let notebook = try global.notebook()
        let kinds = Set(kind.map(NoteKind.init(rawValue:)))
        let formatter = GrepFormatter(terminal: Terminal.standardOutput)
        // Every match on a line is found only to colour it.
        let everyMatch = formatter.usesColor && !json
        let today = try global.today()
        let (first, last) = try DateArgument.window(since: since, until: until, today: today)
        let scan: GrepScan
        let matched: Bool
        if history {
            ObjectHashVerification.skipOnRead()
            var search = HistorySearch(query: GrepQuery(matcher: matcher, kinds: kinds, field: field, everyMatch: everyMatch),
                                       since: first, until: last, today: today)
            search.keepsRepositoryUntilExit = true
            HistoryRenameIndex.attach(to: &search, of: notebook)
            let result: HistorySearchResult
            do {
                result = try search.run(root: notebook.root)
            } catch {
                guard case .notANotebook(let path) = error else { throw CommandFailure(message: error.report.message, exitCode: 2) }
                throw CommandFailure(message: NotANotebookAdvice.noRepository(error.description, for: .historySearch(path: path)), exitCode: 2)
            }
            write(result.matches, text: formatter.render, json: GrepFormatter.json)
            if result.skippedVersions > 0 {
                let count = result.skippedVersions
                Diagnostics.note("\(count) past \(count == 1 ? "version was" : "versions were") binary or unparseable and not searched (the history keeps them unchanged)")
            }
            scan = result.current
            matched = !result.matches.isEmpty || !scan.binaryMatches.isEmpty
        } else {
            let query = GrepQuery(matcher: matcher, kinds: kinds, since: first,
                                  until: last, field: field, everyMatch: everyMatch)
            scan = CachedScan.grep(notebook, query)
            write(scan.hits, text: formatter.render, json: GrepFormatter.json)
            matched = scan.matched
        }
        try finish(scan, matched: matched)
    }

    /// Prints the rows as text or as one JSON array (``JSONOutput``), in pieces of about 64 KiB:
    /// one string of every row would hold a large result twice (a history search for a common
    /// word on 10,000 entries prints over 10 MB).
    private func write<Row>(_ rows: [Row], text: (Row) -> String, json row: (Row) -> JSONValue) {
        guard !json else { return JSONOutput.write(rows: rows, json: row) }
        var piece = ""
        for item in rows {
            piece += text(item)
            if piece.utf8.count >= 65_536 {
                Terminal.standardOutput.write(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { Terminal.standardOutput.write(piece) }
    }

    /// Notes on stderr, then grep's exit status: 2 when a file could not be read, else 0 or 1.
    private func finish(_ scan: GrepScan, matched: Bool) throws {
        for path in scan.binaryMatches {
            Diagnostics.note("\(path): binary file matches (not shown; the file is left as it is)")
        }
        for path in scan.invalidUTF8 {
            Diagnostics.note("\(path): holds bytes that are not UTF-8, shown as \u{FFFD} (the file is left as it is)")
        }
        if !scan.diagnostics.isEmpty {
            Diagnostics.diagnostics(scan.diagnostics)
            let count = scan.diagnostics.count
            throw CommandFailure(message: "\(count) \(count == 1 ? "file" : "files") could not be searched (listed above); hearth did not change them",
                                 exitCode: 2)
        }
        if !matched { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import NoteKit

/// `hearth export [--format jsonl|csv] [--kind K] [--tag T] [--since D] [--until D] [--where EXPR ...]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export entries with their front-matter and body as JSON Lines or CSV.",
        discussion: """
            Writes one row per entry to standard output, sorted by date then path, with the same \
            filters as `hearth list`.
            jsonl (the default): one JSON object per line with `path` (relative to the notebook root), \
            every front-matter field (numbers as numbers, lists as arrays, null when not recorded) \
            and `body`, the Markdown after the front-matter.
            csv: a header row of `path`, every front-matter key in first-seen order, then `body`; \
            quoted as RFC 4180 requires; lists as [a, b]; an empty cell when not recorded.
            Example: hearth export --format csv --kind day --since 2026-01-01 > days.csv
            Files that cannot be read are reported on stderr after the output (exit 1).
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filter: FilterOptions

    @Option(help: "jsonl (JSON Lines) or csv.")
    var format: ExportFormat = .jsonl

    func run() throws {
        let notebook = try global.notebook()
        let scan = CachedScan.scan(notebook, try filter.query())
        let notes = SortOrder.byDate.sorted(scan.notes)
        switch format {
        case .jsonl: Terminal.standardOutput.write(ExportFormatter.jsonLines(notes))
        case .csv: Terminal.standardOutput.write(ExportFormatter.csv(notes))
        }
        try DiagnosticReport.reportUnreadable(scan.diagnostics)
    }
}

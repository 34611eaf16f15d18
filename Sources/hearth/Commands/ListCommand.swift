import ArgumentParser
import Foundation
import NoteKit

/// `hearth list [--kind K] [--tag T] [--since D] [--until D] [--where EXPR ...] [--sort FIELD] [--json | --csv]`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entries, filtered by kind, tag, date and front-matter fields.",
        discussion: """
            --where takes KEY OP VALUE with OP one of = != < <= > >= ~ (contains), KEY alone (recorded) \
            or !KEY (not recorded). On lists, = tests membership and ~ whether some item contains the text. Example:
              hearth list --kind day --where 'energy<=2' --where 'work_h>=10'
            Files that cannot be read are reported on stderr after the listing (exit 1).
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filter: FilterOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Sort by a field; prefix with - for descending (default: date).", valueName: "FIELD"))
    var sort: String?

    @Flag(help: "One JSON object per entry: path plus front-matter fields (with --tag, body_tags too: the body's #tags).")
    var json = false

    @Flag(help: "CSV with a header row: path plus every front-matter key.")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        let notebook = try global.notebook()
        let query = try filter.query()
        let order = sort.map(SortOrder.init(parsing:)) ?? .byDate
        // A JSON row needs no more of an entry than its fields as the cache recorded them and its sort key.
        let scan = CachedScan.scan(notebook, query, bodies: false, rowKeys: json ? [order.field] : nil)
        let notes = order.sorted(scan.notes)
        if json {
            // With --tag, which tags the body holds: a match that tags: does not show came from there.
            let bodyTags = !query.tags.isEmpty
            JSONOutput.writeInParallel(rows: notes) { EntryFormatter.rowText($0, bodyTags: bodyTags) }
        } else if csv {
            Terminal.standardOutput.write(EntryFormatter.csv(notes))
        } else {
            let fields = query.conditions.map(\.key) + (sort.map { [SortOrder(parsing: $0).field] } ?? [])
            Terminal.standardOutput.write(EntryFormatter.table(notes, fields: fields) { DisplayPath.of($0, in: notebook) })
        }
        try DiagnosticReport.reportUnreadable(scan.diagnostics)
    }
}

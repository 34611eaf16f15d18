import ArgumentParser
import NoteKit

/// `hearth experiments [--all] [--json]`.
struct ExperimentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiments",
        abstract: "List open experiments (no outcome yet).",
        discussion: "Close one with `hearth set REF outcome=failure actual_failure=instability spent_h=12`."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Include closed experiments.")
    var all = false

    @Flag(help: "One JSON object per experiment: path plus front-matter fields.")
    var json = false

    func run() throws {
        let notebook = try global.notebook()
        var query = Query(kinds: [.experiment])
        if !all { query.conditions.append(QueryCondition(key: "outcome", op: .absent)) }
        let scan = notebook.scan(query)
        let notes = SortOrder.byDate.sorted(scan.notes)
        if json {
            JSONOutput.write(rows: notes, json: EntryFormatter.row)
        } else {
            Terminal.standardOutput.write(EntryFormatter.table(notes, fields: ["predicted_failure", "p_success"] + (all ? ["outcome"] : [])) { DisplayPath.of($0, in: notebook) })
        }
        try DiagnosticReport.reportUnreadable(scan.diagnostics)
    }
}

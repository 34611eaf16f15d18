import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth check`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every entry (parsing, kind schema, value ranges, file name vs date) and hearth.yaml.",
        discussion: "Prints file:line: message for each problem and exits 1 when any error is found. Warnings alone exit 0. Nothing is changed, except that --fix removes committed editor artefacts (vim swap files, backups, .DS_Store, ...) from the repository, never from the disk."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One JSON object per problem.")
    var json = false

    @Flag(help: "Remove committed editor artefacts (vim swap files, .DS_Store, ...) from the repository, in one commit; the files stay on disk.")
    var fix = false

    @Option(help: ArgumentHelp("With --fix: seconds to wait for a sync running in this notebook to finish.", valueName: "SECONDS"))
    var wait: Double = 10

    func run() throws {
        let notebook = try global.notebook()
        let scan = CachedScan.scan(notebook)
        var problems = scan.diagnostics + NotebookSettings.problems(in: notebook)
        for note in scan.notes { problems += EntryValidator.problems(in: note).map(\.advised) + BodyLint.problems(in: note) }
        problems += try CheckArtefacts.problems(in: notebook, fixing: fix, wait: wait)
        problems += CheckIgnoredEntries.problems(in: notebook, notes: scan.notes)
        problems.sort { ($0.path, $0.line) < ($1.path, $1.line) }
        if json {
            JSONOutput.write(rows: problems) { problem in
                JSONValue.object([
                    ("path", .string(problem.path)), ("line", .int(problem.line)),
                    ("severity", .string(problem.severity.rawValue)), ("message", .string(problem.message)),
                    ("hint", problem.hint.map(JSONValue.string) ?? .null),
                ])
            }
        } else {
            Terminal.standardOutput.write(DiagnosticReport.render(problems, terminal: .standardOutput))
        }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        let checked = scan.notes.count + scan.diagnostics.count
        Diagnostics.status("checked \(checked) \(checked == 1 ? "entry" : "entries"): \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")")
        if errors > 0 { throw ExitCode(1) }
    }
}

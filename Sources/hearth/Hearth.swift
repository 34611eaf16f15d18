import ArgumentParser
import Foundation

/// The `hearth` command: parses, calls a kit, prints, and exits 0 (success), 1 (failure) or
/// 2 (usage error).
struct Hearth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearth",
        abstract: "A local-first journal and notes engine: Markdown files with front-matter in git.",
        discussion: """
            Entries are plain Markdown files with YAML front-matter in an ordinary git repository.
            Run `hearth -C DIR COMMAND` to work on the notebook in DIR, like git.
            Commands work on the notebook you are in (the nearest folder at or above the current \
            one with hearth.yaml); outside any notebook, on the default one: HEARTH_NOTEBOOK=DIR, \
            else `git config --global hearth.notebook DIR`. -C DIR wins over both.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, NewCommand.self, TodayCommand.self, EditCommand.self, SetCommand.self,
            UnsetCommand.self, ListCommand.self, ShowCommand.self, CheckCommand.self,
            DoneCommand.self, JotCommand.self, GratefulCommand.self, LearnedCommand.self,
            ReviewCommand.self, ExperimentsCommand.self, ExportCommand.self, ImportCommand.self,
            CloneCommand.self, RemoteCommand.self, SyncCommand.self, StatusCommand.self,
            ConflictsCommand.self, ResolveCommand.self, LogCommand.self, DiffCommand.self, RestoreCommand.self,
            GrepCommand.self, WatchCommand.self,
        ]
    )

    /// Runs the command line and exits with hearth's exit-code convention. Every error a
    /// command can meet is a ``ReportableError`` (see Sources/hearth/Errors) and is printed by
    /// ``Diagnostics/report(_:)``; what is left is ArgumentParser's own (help, usage errors).
    static func runAndExit(_ arguments: [String]) -> Never {
        ConflictRecordComment.install()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let error as any ReportableError {
            let report = error.report
            Diagnostics.report(report)
            Foundation.exit(report.exitCode)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            // ArgumentParser reports usage errors as EX_USAGE (64); hearth follows git and uses 2.
            if code == .validationFailure {
                Diagnostics.status(UsageErrorReport.text(for: error, arguments: arguments))
                Foundation.exit(2)
            }
            if !message.isEmpty { Diagnostics.status(message) }
            Foundation.exit(code.rawValue == 0 ? 0 : 1)
        }
    }
}

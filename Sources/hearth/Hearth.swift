import ArgumentParser
import Foundation

/// The `hearth` command: parses, calls a kit, prints, and exits 0 (success), 1 (failure) or
/// 2 (usage error).
struct Hearth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearth",
        abstract: "A local-first journal and notes engine: Markdown files with front-matter in git.",
        discussion: discussion,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, NewCommand.self, TodayCommand.self, EditCommand.self, SetCommand.self,
            UnsetCommand.self, ListCommand.self, ShowCommand.self, CheckCommand.self,
            DoneCommand.self, JotCommand.self, GratefulCommand.self, LearnedCommand.self,
            ReviewCommand.self, ExperimentsCommand.self, ExportCommand.self, ImportCommand.self,
            CloneCommand.self, RemoteCommand.self, SyncCommand.self, StatusCommand.self,
            ConflictsCommand.self, ResolveCommand.self, LogCommand.self, DiffCommand.self, RestoreCommand.self,
            GrepCommand.self, WatchCommand.self, MaintenanceCommand.self, TagsCommand.self,
        ]
    )

    /// `-C DIR` before the command (`hearth -C DIR sync`), which `main.swift` has already
    /// entered (``GlobalOptions/enterLeadingDirectories(_:)``); the command shares the same options.
    @OptionGroup var global: GlobalOptions

    /// Runs the command line and exits with hearth's exit-code convention. Every error a
    /// command can meet is a ``ReportableError`` (see Sources/hearth/Errors) and is printed by
    /// ``Diagnostics/report(_:)``; what is left is ArgumentParser's own (help, usage errors).
    static func runAndExit(_ arguments: [String]) -> Never {
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

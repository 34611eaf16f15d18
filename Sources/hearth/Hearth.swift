import ArgumentParser
import Foundation
import GitKit
import HistoryKit
import JournalKit
import NoteKit
import SyncKit

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
            GrepCommand.self, WatchCommand.self,
        ]
    )

    /// `-C DIR` before the command (`hearth -C DIR sync`), which `main.swift` has already
    /// entered (``GlobalOptions/enterLeadingDirectories(_:)``); the command shares the same options.
    @OptionGroup var global: GlobalOptions

    /// Runs the command line and exits with hearth's exit-code convention.
    static func runAndExit(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let error as CommandFailure {
            Terminal.standardError.write("hearth: error: \(error.message)\n")
            Foundation.exit(error.exitCode)
        } catch let error as QueryError {
            Terminal.standardError.write("hearth: error: \(error)\n")
            Foundation.exit(2)
        } catch let error as NotebookError {
            if case .unreadable(let diagnostic) = error { exitWithDiagnostic(diagnostic) }
            if case .notFound(let reference) = error { exitIfNotADate(reference) }
            exitWithFailure(error.description)
        } catch let error as JournalError {
            Terminal.standardError.write("hearth: error: \(error.message())\n")
            Foundation.exit(error.exitCode)
        } catch let error as HistoryError {
            if case .notFound(let reference) = error { exitIfNotADate(reference) }
            exitWithFailure(SyncFailureAdvice.message(for: error))
        } catch let error as SyncError {
            exitWithFailure(SyncFailureAdvice.message(for: error))
        } catch let error as GitError {
            exitWithFailure(error.description)
        } catch let error as Diagnostic {
            exitWithDiagnostic(error)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            // ArgumentParser reports usage errors as EX_USAGE (64); hearth follows git and uses 2.
            if code == .validationFailure {
                Terminal.standardError.write(UsageErrorReport.text(for: error, arguments: arguments) + "\n")
                Foundation.exit(2)
            }
            if !message.isEmpty { Terminal.standardError.write(message + "\n") }
            Foundation.exit(code.rawValue == 0 ? 0 : 1)
        }
    }

    /// A reference shaped like a date that names no day (`2026-02-30`) found no entry because
    /// the day does not exist: say that, as a usage error, rather than "no entry matches".
    private static func exitIfNotADate(_ reference: String) {
        guard LocalDate.isDateShaped(reference), let problem = LocalDate.problem(with: reference) else { return }
        Terminal.standardError.write("hearth: error: \(problem)\n")
        Foundation.exit(2)
    }

    /// A diagnostic already says `path:line: error: ...`; printing it after "hearth: error:" would
    /// say "error" twice.
    private static func exitWithDiagnostic(_ diagnostic: Diagnostic) -> Never {
        Terminal.standardError.write("hearth: \(diagnostic)\n")
        Foundation.exit(1)
    }

    private static func exitWithFailure(_ message: String) -> Never {
        Terminal.standardError.write("hearth: error: \(message)\n")
        Foundation.exit(1)
    }
}

import Foundation
import Testing

/// A mistyped command or option gets the nearest one hearth knows, in the `hearth: error:` style
/// of every other error, exit 2, and nothing happens.
@Suite struct CommandLineMistakeTests {
    @Test(arguments: [
        (["tody"], "hearth: error: unknown command 'tody'; did you mean 'today'?"),
        (["tdoay", "--no-edit"], "hearth: error: unknown command 'tdoay'; did you mean 'today'?"),
        (["lsit", "--json"], "hearth: error: unknown command 'lsit'; did you mean 'list'?"),
        (["Sync"], "hearth: error: unknown command 'Sync'; did you mean 'sync'?"),
        (["frobnicate"], "hearth: error: unknown command 'frobnicate'"),
        (["remote", "ad", "origin", "/tmp/x"], "hearth: error: unknown command 'remote ad'; did you mean 'remote add'?"),
        (["list", "--jsn"], "hearth: error: unknown option '--jsn'; did you mean '--json'?"),
        (["list", "--JSON"], "hearth: error: unknown option '--JSON'; did you mean '--json'?"),
        (["list", "--since=2026-11-01", "--untill", "2026-11-20"], "hearth: error: unknown option '--untill'; did you mean '--until'?"),
        (["done", "--dat", "2026-11-20", "ship", "x"], "hearth: error: unknown option '--dat'; did you mean '--date'?"),
        (["today", "--no-edti"], "hearth: error: unknown option '--no-edti'; did you mean '--no-edit'?"),
        (["remote", "--jsno"], "hearth: error: unknown option '--jsno'; did you mean '--json'?"),
        (["list", "--frobnicate"], "hearth: error: unknown option '--frobnicate'"),
    ])
    func aMistakeNamesTheNearestNameAndChangesNothing(arguments: [String], firstLine: String) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let before = try notebook.snapshot()
        let result = try notebook.hearth(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderrLines.first == firstLine, "\(result)")
        // ArgumentParser's usage lines follow, so the person sees what the command takes.
        #expect(result.stderr.contains("Usage: hearth") && result.stderr.contains("--help' for more information."), "\(result)")
        #expect(try notebook.snapshot() == before)
        #expect(try notebook.git("status", "--porcelain", "--untracked-files=all").stdout.isEmpty)
    }

    @Test func otherParseErrorsSpeakInTheSameStyle() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        for (arguments, firstLine) in [
            (["review", "--week", "--month"], "hearth: error: choose one of --week, --weeks, --month, --year and --since"),
            (["set", "today"], "hearth: error: missing expected argument '<key=value> ...'"),
            (["review", "--weeks", "x"], "hearth: error: the value 'x' is invalid for '--weeks <weeks>'"),
            (["new", "bogus"], "hearth: error: unknown kind 'bogus': use day, note, experiment or week"),
        ] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderrLines.first == firstLine, "\(arguments): \(result)")
            #expect(!result.stderr.contains("Error: "), "\(arguments): \(result)")
        }
    }

    @Test func helpVersionAndCompletionScriptsAreUnaffected() throws {
        let notebook = try TemporaryNotebook()
        let help = try notebook.hearth("--help", in: notebook.base)
        #expect(help.status == 0 && help.stderr.isEmpty && help.stdout.hasPrefix("OVERVIEW: "), "\(help)")
        let listHelp = try notebook.hearth("list", "--help", in: notebook.base)
        #expect(listHelp.status == 0 && listHelp.stdout.contains("--json"), "\(listHelp)")
        let viaHelp = try notebook.hearth("help", "set", in: notebook.base)
        #expect(viaHelp.status == 0 && viaHelp.stdout.contains("--new-key"), "\(viaHelp)")
        for shell in ["bash", "zsh", "fish"] {
            let script = try notebook.hearth("--generate-completion-script", shell, in: notebook.base)
            #expect(script.status == 0 && script.stderr.isEmpty && script.stdout.contains("today"), "\(shell): \(script)")
        }
        // A word after `--` is text, never an option to correct.
        let initialized = try TemporaryNotebook(initialized: true)
        let jot = try initialized.hearth("jot", "--", "--jsn", "is", "not", "an", "option", "here")
        #expect(jot.status == 0, "\(jot)")
        #expect(try initialized.text("days/2026/2026-11-22.md").contains(" --jsn is not an option here\n"))
    }
}

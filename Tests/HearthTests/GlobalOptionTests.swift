import Foundation
import Testing

/// Options every command shares: `-C DIR`, working from a subfolder, `--version`, `--help`, colour.
@Suite struct GlobalOptionTests {
    private func notebookWithADay() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", "---\nkind: day\ndate: 2026-11-20\nenergy: 2\n---\n")
        return notebook
    }

    @Test func dashCBeforeAndAfterTheSubcommand() throws {
        let notebook = try notebookWithADay()
        let expected = ["days/2026/2026-11-20.md"]
        for arguments in [["-C", "nb", "list", "--json"], ["list", "-C", "nb", "--json"], ["list", "--json", "-C", "nb"], ["-Cnb", "list", "--json"]] {
            let result = try notebook.hearth(arguments, in: notebook.base)
            #expect(result.status == 0, "\(arguments): \(result)")
            let rows = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]]
            #expect(rows?.compactMap { $0["path"] as? String } == expected, "\(arguments)")
        }
        let set = try notebook.hearth("-C", "nb", "set", "days/2026/2026-11-20.md", "energy=4", in: notebook.base)
        #expect(set.status == 0, "\(set)")
        #expect(try notebook.text("days/2026/2026-11-20.md") == "---\nkind: day\ndate: 2026-11-20\nenergy: 4\n---\n")
    }

    @Test func dashCToAMissingDirectoryIsAUsageError() throws {
        let notebook = try notebookWithADay()
        #expect(try notebook.hearth("-C", "missing", "list", in: notebook.base).status == 2)
        #expect(try notebook.hearth("list", "-C", "missing", in: notebook.base).status == 2)
        #expect(try notebook.hearth("-C", in: notebook.base).status == 2)
    }

    /// Before the command, each `-C` changes directory relative to the one before, as git's,
    /// and the command prints paths from the last folder. After the command, `-C` names the
    /// notebook's folder from where you stand, the last one winning, and changes no directory:
    /// paths are printed from where you stand (absolute outside the notebook).
    @Test func everyDashCIsRelativeToTheOneBefore() throws {
        let notebook = try notebookWithADay()
        for arguments in [["-C", "nb", "-C", "days", "list"], ["-Cnb", "-Cdays", "list"], ["-C", "nb/days", "list"]] {
            let result = try notebook.hearth(arguments, in: notebook.base)
            #expect(result.stdout == "2026-11-20  day  2026/2026-11-20.md\n", "\(arguments): \(result)")
        }
        let absolute = "2026-11-20  day  \(notebook.root.resolvingSymlinksInPath().path)/days/2026/2026-11-20.md\n"
        for arguments in [["list", "-C", "nb/days"], ["list", "-C", "nb", "-C", "nb/days"], ["list", "-C", "missing", "-Cnb"]] {
            let result = try notebook.hearth(arguments, in: notebook.base)
            #expect(result.status == 0 && result.stdout == absolute, "\(arguments): \(result)")
        }
        // The second folder is not looked for inside the first.
        let chained = try notebook.hearth("list", "-C", "nb", "-C", "days", in: notebook.base)
        #expect(chained.status == 2 && chained.stderr == "hearth: error: cannot change to 'days': no such directory\n", "\(chained)")
        // Both: the command runs in nb, and its -C names nb/days from there.
        let both = try notebook.hearth("-C", "nb", "list", "-C", "days", in: notebook.base)
        #expect(both.stdout == "2026-11-20  day  days/2026/2026-11-20.md\n", "\(both)")
        // Inside the notebook, paths stay relative to where you stand.
        let inside = try notebook.hearth("list", "-C", "..", in: notebook.url("days"))
        #expect(inside.stdout == "2026-11-20  day  2026/2026-11-20.md\n", "\(inside)")
    }

    /// The errors say what is wrong in one line, wherever `-C` stands, and a folder's name after
    /// `-C` is not taken for a mistyped command.
    @Test func dashCErrorsNameTheFolder() throws {
        let notebook = try notebookWithADay()
        for arguments in [["-C", "missing", "list"], ["list", "-C", "missing"], ["-C", "nb", "-C", "missing", "list"]] {
            let result = try notebook.hearth(arguments, in: notebook.base)
            #expect(result.status == 2 && result.stdout.isEmpty, "\(arguments): \(result)")
            #expect(result.stderr == "hearth: error: cannot change to 'missing': no such directory\n", "\(arguments): \(result)")
        }
        // Before the command: that one line, with no usage lines after it.
        for arguments in [["-C"], ["-C", "--json", "list"], ["-C", "nb", "-C"]] {
            let result = try notebook.hearth(arguments, in: notebook.base)
            #expect(result.status == 2 && result.stdout.isEmpty, "\(arguments): \(result)")
            #expect(result.stderr == "hearth: error: -C needs a directory\n", "\(arguments): \(result)")
        }
        let missing = try notebook.hearth("list", "-C", in: notebook.base)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.hasPrefix("hearth: error: -C needs a directory\n"), "\(missing)")
        let typo = try notebook.hearth("-C", "nb", "lst", in: notebook.base)
        #expect(typo.status == 2 && typo.stderr.hasPrefix("hearth: error: unknown command 'lst'; did you mean 'list'?\n"), "\(typo)")
    }

    /// `hearth --help` shows `-C` before the command, and every command's help shows it too.
    @Test func helpShowsDashC() throws {
        let notebook = try TemporaryNotebook()
        let help = try notebook.hearth("--help", in: notebook.base)
        #expect(help.stdout.contains("USAGE: hearth [-C <DIR> ...] <subcommand>"), "\(help.stdout)")
        #expect(help.stdout.contains("\n  -C <DIR>                Run as if hearth was started in DIR"), "\(help.stdout)")
        let sync = try notebook.hearth("sync", "--help", in: notebook.base)
        #expect(sync.stdout.contains("\n  -C <DIR>                Run as if hearth was started in DIR"), "\(sync.stdout)")
    }

    @Test func commandsWorkFromASubfolderOfTheNotebook() throws {
        let notebook = try notebookWithADay()
        let subfolder = notebook.url("days/2026")
        let list = try notebook.hearth("list", in: subfolder)
        #expect(list.status == 0, "\(list)")
        // Printed paths too, so that they open from here.
        #expect(list.stdoutLines.contains { $0.hasSuffix("  2026-11-20.md") }, "\(list)")
        // Paths typed by the user are relative to where they are, like git's.
        let show = try notebook.hearth("show", "2026-11-20.md", "--json", in: subfolder)
        #expect(show.status == 0, "\(show)")
        let object = try JSONSerialization.jsonObject(with: show.stdoutData) as? [String: Any]
        #expect(object?["path"] as? String == "days/2026/2026-11-20.md")
        let new = try notebook.hearth("new", "day", "--date", "2026-11-21", in: subfolder)
        #expect(new.stdout == "2026-11-21.md\n", "\(new)")
        #expect(notebook.exists("days/2026/2026-11-21.md"))
        #expect(!notebook.exists("days/2026/days"), "entries go to the notebook root, not the current folder")
        // -C DIR runs as if started in DIR, as git's does.
        let dashC = try notebook.hearth("-C", "nb/days", "edit", "yesterday", in: notebook.base)
        #expect(dashC.stdout == "2026/2026-11-21.md\n", "\(dashC)")
    }

    @Test func versionExits0() throws {
        let notebook = try TemporaryNotebook()
        let result = try notebook.hearth("--version", in: notebook.base)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(result.stdout)")
    }

    @Test(arguments: ["init", "new", "today", "edit", "set", "unset", "list", "show", "check"])
    func helpOnEverySubcommand(command: String) throws {
        let notebook = try TemporaryNotebook()
        let result = try notebook.hearth(command, "--help", in: notebook.base)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("hearth \(command)"), "\(result.stdout)")
        let viaHelp = try notebook.hearth("help", command, in: notebook.base)
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout.contains("hearth \(command)"))
    }

    @Test func topLevelHelpListsEveryCommand() throws {
        let notebook = try TemporaryNotebook()
        let result = try notebook.hearth("--help", in: notebook.base)
        #expect(result.status == 0)
        for command in ["init", "new", "today", "edit", "set", "unset", "list", "show", "check"] {
            #expect(result.stdout.contains(command), "\(command)")
        }
        #expect(try notebook.hearth("bogus", in: notebook.base).status == 2)
    }

    @Test func noColorOutputHasNoEscapeBytes() throws {
        let notebook = try notebookWithADay()
        try notebook.write("days/2026/2026-11-19.md", "---\nkind: day\nenergy: 9\n---\n")
        try notebook.write("notes/broken.md", "---\ntitle: [\n")
        try notebook.write("experiments/2026/2026-11-19-x.md", "---\nkind: experiment\n---\n")
        let runs: [[String]] = [["check"], ["list"], ["list", "--where", "energy<<2"], ["show", "2026-11-20"],
                                ["set", "2026-11-20", "energy=9"], ["edit", "missing"], ["new", "bogus"]]
        for arguments in runs {
            // TERM claims colour support; NO_COLOR must still win.
            let result = try notebook.hearth(arguments, environment: ["TERM": "xterm-256color"], mergeOutput: true)
            #expect(!result.stdoutData.contains(0x1B), "\(arguments): \(result.stdout)")
            #expect(!result.stdoutData.isEmpty, "\(arguments)")
        }
    }
}

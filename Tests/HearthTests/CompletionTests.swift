import Foundation
import TestSupport
import Testing

/// The completion scripts `make install` installs, run in the real bash, zsh and fish.
struct CompletionTests {
    /// bash: the installed file is sourced, COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT are set as
    /// readline sets them, and the function `complete -p hearth` names is called.
    private func bash(_ install: CompletionInstall, _ line: String) throws -> [String] {
        let script = """
            source "$1" || exit 3
            function=$(complete -p hearth | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')
            [ -n "$function" ] || exit 4
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            "$function" hearth "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try install.run("bash", ["-c", script, "bash", install.path(CompletionInstall.bashCompletion), line])
        #expect(result.status == 0, "\(result)")
        return result.stdoutLines.filter { !$0.isEmpty }
    }

    /// fish: the installed file is found where fish looks for vendor completions
    /// (`$XDG_DATA_DIRS/fish/vendor_completions.d`), and `complete -C` lists the candidates. fish
    /// runs interactively in a pseudo-terminal (`script`): the generated script asks `commandline`
    /// for the cursor, which `fish -c` cannot answer, so entry references would not complete there.
    private func fish(_ install: CompletionInstall, _ line: String) throws -> [String] {
        let share = install.destroot.appendingPathComponent("share").path
        let output = install.notebook.base.appendingPathComponent("fish-completions.txt")
        try? FileManager.default.removeItem(at: output)
        // A first interactive fish would otherwise parse every man page in the background (seconds)
        // while holding the terminal `script` waits on.
        try FileManager.default.createDirectory(at: install.notebook.home.appendingPathComponent(".local/share/fish/generated_completions"),
                                                withIntermediateDirectories: true)
        let input = "complete -C '\(line)' > '\(output.path)'; exit"
        let result = try install.run("bash", ["-c", "printf '%s\\n' \"$1\" | XDG_DATA_DIRS=\"$2\" TERM=dumb timeout 30 script -q -e -c 'fish -i' /dev/null > /dev/null",
                                              "bash", input, share])
        #expect(result.status == 0, "\(result)")
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    }

    /// zsh: an interactive zsh in a pseudo-terminal (zsh/zpty) with `compinit` over the installed
    /// site-functions folder gets the line and a TAB; every candidate passed to compadd is printed.
    private func zsh(_ install: CompletionInstall, _ line: String) throws -> [String] {
        let script = install.notebook.base.appendingPathComponent("capture.zsh")
        try Data(CompletionTests.zshCapture.utf8).write(to: script)
        let folder = install.destroot.appendingPathComponent("share/zsh/site-functions").path
        let result = try install.run("timeout", ["30", "zsh", "-f", script.path, folder, line])
        #expect(result.status == 0, "\(result)")
        return result.stdoutLines
    }

    /// The marker strings are split in the commands typed, so the terminal's echo of those
    /// commands never matches them; only what the functions print does.
    static let zshCapture = #"""
        zmodload zsh/zpty || exit 3
        zpty z zsh -f -i
        zpty -w z "PROMPT= ; RPROMPT= ; zle_bracketed_paste=(); fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
        zpty -w z 'compadd () { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; typeset -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -l -- "HI""T:"${^__hits}; builtin compadd "$@" }'
        zpty -w z 'finish () { print "<DO""NE>"; exit }; zstyle ":completion:*" completer _complete; comppostfuncs=(finish)'
        zpty -w z "$2"$'\t'
        while zpty -r z line; do
          [[ $line == *'<DONE>'* ]] && exit 0
          [[ $line == *HIT:* ]] && print -r -- ${${line##*HIT:}%%$'\r'*}
        done
        exit 5
        """#

    @Test func installPutsEveryFileUnderDestroot() throws {
        let install = try CompletionInstall()
        #expect(install.result.status == 0, "\(install.result)")
        let installed = try TemporaryNotebook.files(under: install.notebook.base.appendingPathComponent("dest"))
        #expect(installed.keys.sorted() == [CompletionInstall.bashCompletion, CompletionInstall.fishCompletion,
                                            CompletionInstall.manPage, CompletionInstall.zshCompletion].map { "usr/local/" + $0 }.sorted())
        #expect(installed.values.allSatisfy { !$0.isEmpty })
        let mode = try FileManager.default.attributesOfItem(atPath: install.path(CompletionInstall.manPage))[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func bashCompletesCommandsAndOptions() throws {
        let install = try CompletionInstall()
        #expect(try bash(install, "hearth sy") == ["sync"])
        let options = try bash(install, "hearth sync --")
        #expect(options.contains("--wait") && options.contains("--json") && options.contains("--timeout"), "\(options)")
        #expect(!options.contains("--title"), "\(options)")  // an option of another command
        #expect(Set(try bash(install, "hearth remote ")).isSuperset(of: ["add", "list"]))
    }

    @Test func zshCompletesCommandsAndOptions() throws {
        let install = try CompletionInstall()
        #expect(try zsh(install, "hearth sy") == ["sync"])
        let options = try zsh(install, "hearth sync --")
        #expect(options.contains("--wait") && options.contains("--json") && options.contains("--timeout"), "\(options)")
        #expect(!options.contains("--title"), "\(options)")
    }

    @Test func fishCompletesCommandsAndOptions() throws {
        let install = try CompletionInstall()
        #expect(try fish(install, "hearth sy") == ["sync"])
        let options = try fish(install, "hearth sync --")
        #expect(options.contains("--wait") && options.contains("--json") && options.contains("--timeout"), "\(options)")
        #expect(!options.contains("--title"), "\(options)")
    }

    /// A notebook `nb` with two days and a note, for completing entry references with `-C nb`.
    private func notebookWithEntries(_ install: CompletionInstall) throws {
        let notebook = install.notebook
        try notebook.hearth("init", "nb", "--device", "laptop", in: notebook.base).requireSuccess()
        try notebook.hearth("set", "2026-11-21", "energy=2").requireSuccess()
        try notebook.hearth("set", "today", "energy=3").requireSuccess()
        try notebook.hearth("new", "note", "--title", "Meeting notes", "--no-edit").requireSuccess()
    }

    @Test func entryReferencesCompleteInEveryShell() throws {
        let install = try CompletionInstall()
        try notebookWithEntries(install)
        let shells: [(String, (CompletionInstall, String) throws -> [String])] = [("bash", bash), ("zsh", zsh), ("fish", fish)]
        for (shell, complete) in shells {
            #expect(Set(try complete(install, "hearth show -C nb 2026-11-2")) == ["2026-11-21", "2026-11-22"], "\(shell)")
            #expect(try complete(install, "hearth set -C nb tod") == ["today"], "\(shell)")
            #expect(try complete(install, "hearth edit -C nb meet") == ["meeting-notes"], "\(shell)")
            #expect(try complete(install, "hearth unset -C nb ye") == ["yesterday"], "\(shell)")
        }
    }

    /// `-C` completes folders (not files), before the command and after it, and a command still
    /// completes after `-C DIR`.
    @Test func dashCCompletesFoldersInEveryShell() throws {
        let install = try CompletionInstall()
        let base = install.notebook.base
        for folder in ["nb", "notes", "other"] {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("a file".utf8).write(to: base.appendingPathComponent("nfile"))
        let shells: [(String, (CompletionInstall, String) throws -> [String])] = [("bash", bash), ("zsh", zsh), ("fish", fish)]
        for (shell, complete) in shells {
            for line in ["hearth -C n", "hearth sync -C n"] {
                let folders = Set(try complete(install, line).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
                #expect(folders == ["nb", "notes"], "\(shell): \(line)")
            }
            #expect(try complete(install, "hearth -C nb sy") == ["sync"], "\(shell)")
        }
    }

    /// Two open conflicts in `nb`: laptop/desk on the 22nd, laptop/phone on the 21st.
    private func writeConflicts(_ install: CompletionInstall) throws {
        for (name, path, other) in [("a", "days/2026/2026-11-22.md", "desk"), ("b", "days/2026/2026-11-21.md", "phone")] {
            let record = ConflictListingTests.record(path: path, kind: "field", field: "energy", kept: other, sides: [
                (other, "2026-11-22T10:15:00Z", false, "4"), ("laptop", "2026-11-22T10:20:00Z", false, "2"),
            ])
            let url = install.notebook.base.appendingPathComponent("nb/.hearth/conflicts/\(name).yaml")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(record.utf8).write(to: url)
        }
    }

    @Test func resolveKeepAndKindValuesCompleteInEveryShell() throws {
        let install = try CompletionInstall()
        try notebookWithEntries(install)
        try writeConflicts(install)
        let kinds: Set<String> = ["day", "note", "experiment", "week"]
        let listed = try install.notebook.hearth(["conflicts", "--json"], in: install.notebook.base.appendingPathComponent("nb"))
        let conflicts = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]], "\(listed)")
        let phoneID = try #require(conflicts.first { $0["path"] as? String == "days/2026/2026-11-21.md" }?["id"] as? String, "\(listed)")
        let shells: [(String, (CompletionInstall, String) throws -> [String])] = [("bash", bash), ("zsh", zsh), ("fish", fish)]
        for (shell, complete) in shells {
            #expect(Set(try complete(install, "hearth resolve -C nb today --keep ")) == ["desk", "laptop", "phone"], "\(shell)")
            #expect(Set(try complete(install, "hearth resolve -C nb \(phoneID) --keep ")) == ["laptop", "phone"], "\(shell)")
            #expect(Set(try complete(install, "hearth resolve -C nb days/2026/2026-11-22.md --keep ")) == ["desk", "laptop"], "\(shell)")
            #expect(try complete(install, "hearth resolve -C nb today --keep p") == ["phone"], "\(shell)")
            #expect(Set(try complete(install, "hearth list -C nb --kind ")) == kinds, "\(shell)")
            #expect(try complete(install, "hearth grep -C nb x --kind ex") == ["experiment"], "\(shell)")
            #expect(try complete(install, "hearth new -C nb we") == ["week"], "\(shell)")
        }
    }

    @Test func aMissingBinaryInstallsNothing() throws {
        let install = try CompletionInstall(binary: URL(fileURLWithPath: "/nonexistent/hearth"))
        #expect(install.result.status == 1, "\(install.result)")
        #expect(install.result.stderr.contains("/nonexistent/hearth"), "\(install.result)")
        #expect(!FileManager.default.fileExists(atPath: install.destroot.path))
    }

    /// What a failed install left under the test's `dest` folder (all of DESTROOT's parents are
    /// made by the script, so a clean failure leaves nothing, or only what `prepare` put there).
    private func leftOver(_ install: CompletionInstall) throws -> [String] {
        let dest = install.notebook.base.appendingPathComponent("dest")
        guard FileManager.default.fileExists(atPath: dest.path) else { return [] }
        let walker = try #require(FileManager.default.enumerator(atPath: dest.path))
        return (walker.allObjects as? [String] ?? []).sorted()
    }

    /// A binary that is not hearth: the step that found it out is named, with what to do, and no
    /// Python traceback; nothing is installed.
    @Test(arguments: [
        ("/bin/false", "/bin/false --generate-completion-script bash failed (exit status 1): is /bin/false a hearth binary?"),
        ("/bin/true", "/bin/true --generate-completion-script bash printed nothing: is /bin/true a hearth binary?"),
    ])
    func notAHearthBinarySaysWhichStepFailed(binary: String, message: String) throws {
        let install = try CompletionInstall(binary: URL(fileURLWithPath: binary))
        #expect(install.result.status == 1, "\(install.result)")
        #expect(install.result.stderr == "install-extras.sh: " + message + "\n", "\(install.result)")
        #expect(try leftOver(install) == [])
    }

    /// A man page that is missing, empty or not mdoc (what the GenerateManual plugin writes):
    /// the script says which file and how to write it, and installs nothing, not even the
    /// completions it already generated.
    @Test(arguments: [nil, "", "not a man page\n"])
    func aMissingManPageInstallsNothing(text: String?) throws {
        let install = try text.map { try CompletionInstall(fakePage: $0) }
            ?? CompletionInstall(givenPage: URL(fileURLWithPath: "/nonexistent/hearth.1"))
        #expect(install.result.status == 1, "\(install.result)")
        #expect(install.result.stderr == "install-extras.sh: \(install.page.path) is not a man page; write it first with "
                + "swift package plugin generate-manual (make install does)\n", "\(install.result)")
        #expect(try leftOver(install) == [])
    }

    /// A folder that cannot be made (a file is in its place) stops the install after the other
    /// folders were made: they go again, and what was in DESTROOT before stays as it was.
    @Test func aFolderThatCannotBeMadeLeavesDestrootAsItWas() throws {
        let install = try CompletionInstall { destroot in
            let share = destroot.appendingPathComponent("share")
            try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
            try Data("not a folder".utf8).write(to: share.appendingPathComponent("man"))
        }
        #expect(install.result.status == 1, "\(install.result)")
        #expect(install.result.stderr.contains("cannot make the folder \(install.destroot.path)/share/man:"), "\(install.result)")
        #expect(install.result.stderr.hasSuffix("choose a DESTROOT you may write to\n"), "\(install.result)")
        #expect(try leftOver(install) == ["usr", "usr/local", "usr/local/share", "usr/local/share/man"])
        #expect(try String(contentsOf: install.destroot.appendingPathComponent("share/man"), encoding: .utf8) == "not a folder")
    }

    /// Installing again over an earlier install replaces every file whole.
    @Test func installingAgainReplacesTheFiles() throws {
        let install = try CompletionInstall { destroot in
            let man = destroot.appendingPathComponent("share/man/man1")
            try FileManager.default.createDirectory(at: man, withIntermediateDirectories: true)
            try Data("old page".utf8).write(to: man.appendingPathComponent("hearth.1"))
        }
        #expect(install.result.status == 0, "\(install.result)")
        let page = try String(contentsOfFile: install.path(CompletionInstall.manPage), encoding: .utf8)
        #expect(page == (try String(contentsOf: install.page, encoding: .utf8)), "\(page.prefix(80))")
        #expect(try leftOver(install).filter { $0.hasSuffix(".installing") } == [])
    }

    /// The install needs no Python: with only the shell and the basic tools on PATH, every file
    /// is installed.
    @Test func installingNeedsNoPython() throws {
        let notebook = try TemporaryNotebook()
        let tools = notebook.base.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        for tool in ["sh", "basename", "dirname", "mktemp", "rm", "rmdir", "mkdir", "tail", "grep", "install", "mv", "cp"] {
            let target = try #require(CompletionInstall.which(tool), "\(tool) is not installed")
            try FileManager.default.createSymbolicLink(at: tools.appendingPathComponent(tool), withDestinationURL: target)
        }
        let hearth = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        let page = try CompletionInstall.manual(of: hearth, into: notebook.base.appendingPathComponent("manual"), notebook: notebook)
        let destroot = notebook.base.appendingPathComponent("dest/usr/local")
        var environment = notebook.environment()
        environment["PATH"] = tools.path
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"),
                                           [CompletionInstall.repository.appendingPathComponent("Scripts/install-extras.sh").path,
                                            hearth.path, page.path, destroot.path],
                                           in: notebook.base, environment: environment)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        for file in [CompletionInstall.bashCompletion, CompletionInstall.zshCompletion, CompletionInstall.fishCompletion, CompletionInstall.manPage] {
            #expect(FileManager.default.fileExists(atPath: destroot.appendingPathComponent(file).path), "\(file)")
        }
    }
}

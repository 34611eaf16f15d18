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
    /// (`$XDG_DATA_DIRS/fish/vendor_completions.d`), and `complete -C` lists the candidates.
    private func fish(_ install: CompletionInstall, _ line: String) throws -> [String] {
        let share = install.destroot.appendingPathComponent("share").path
        let result = try install.run("env", ["XDG_DATA_DIRS=" + share, "fish", "-c", "complete -C " + "'" + line + "'"])
        #expect(result.status == 0, "\(result)")
        return result.stdoutLines.map { String($0.prefix { $0 != "\t" }) }
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
        zpty -w z "PROMPT= ; RPROMPT= ; zle_bracketed_paste=(); fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -d /dev/null"
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

    @Test func aMissingBinaryInstallsNothing() throws {
        let install = try CompletionInstall(binary: URL(fileURLWithPath: "/nonexistent/hearth"))
        #expect(install.result.status == 1, "\(install.result)")
        #expect(install.result.stderr.contains("/nonexistent/hearth"), "\(install.result)")
        #expect(!FileManager.default.fileExists(atPath: install.destroot.path))
    }
}

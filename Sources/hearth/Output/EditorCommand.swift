import Foundation

/// The user's editor as a command line: `$VISUAL`, then `$EDITOR`, then `vi`, read the way git
/// reads them, so a value that works for `git commit` works for hearth.
struct EditorCommand {
    /// The value as the user wrote it (`vim`, `code --wait`, `"$HOME/bin/my editor"`).
    let value: String

    /// Characters that make git hand the value to `sh -c` instead of running it as a program name
    /// (git's run-command.c, `prepare_shell_cmd`).
    static let shellCharacters = Set("|&;<>()$`\\\"' \t\n*?[#~=%")

    /// The shell that runs a value with shell syntax, as git's `SHELL_PATH`.
    static let shell = "/bin/sh"

    /// The editor `environment` names: the first of `VISUAL` and `EDITOR` that is set and not
    /// blank, else `vi`.
    static func chosen(in environment: [String: String]) -> EditorCommand {
        let value = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) }
        return EditorCommand(value: value ?? "vi")
    }

    /// The program to start and its arguments (program first) to edit `path`, and whether the
    /// program is looked up in `PATH`.
    ///
    /// As in git, a value with shell syntax runs as `sh -c 'VALUE "$@"' VALUE PATH`, so quoted
    /// paths and variables work and the file name is never re-split. Words separated only by
    /// spaces (`vim`, `code --wait`, `emacs -nw`, `vim -u NONE`) mean the same to the shell, so they
    /// run directly: no shell stands between hearth and the editor, to be ended by a signal meant
    /// for the editor. A value that is exactly an executable file (a path with spaces that the
    /// user did not quote) runs directly too, where git would split it.
    func arguments(opening path: String) -> (arguments: [String], searchesPath: Bool) {
        if value.contains("/"), Self.isExecutableFile(value) {
            return ([value, path], false)
        }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.isEmpty || words.joined().contains(where: Self.shellCharacters.contains) {
            return ([Self.shell, "-c", value + " \"$@\"", value, path], false)
        }
        return (words + [path], !words[0].contains("/"))
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}

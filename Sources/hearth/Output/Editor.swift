import Foundation
import NoteKit

/// Opens files in the user's editor (`$VISUAL`, then `$EDITOR`, then `vi`), only when a person is
/// at a terminal: scripts and tests never block on an editor.
enum Editor {
    /// Whether an editor can be shown: stdin and stdout are terminals.
    static var isAvailable: Bool { Terminal.standardOutput.isTerminal && isatty(0) == 1 }

    /// Runs the editor on `path` (relative to `notebook`'s root) at this terminal and waits for it;
    /// an editor that fails, or that a signal ends, is a failure (exit 1) that leaves the file as
    /// the editor left it. The editor gets the absolute path; messages name it as the commands
    /// print it (``DisplayPath``).
    static func open(_ path: String, in notebook: Notebook) throws {
        let editor = EditorCommand.chosen(in: ProcessInfo.processInfo.environment)
        let command = editor.arguments(opening: notebook.absolutePath(path))
        let path = DisplayPath.of(path, in: notebook)
        switch EditorLaunch.run(command.arguments, searchesPath: command.searchesPath) {
        case .exited(0):
            return
        case .exited(let status):
            // sh says why above; 126 and 127 are its "cannot run" and "not found".
            let throughShell = command.arguments.first == EditorCommand.shell
            let reason = throughShell && (status == 126 || status == 127) ? " (the shell could not run it)" : ""
            throw CommandFailure(message: "editor '\(editor.value)' exited with status \(status)\(reason); \(path) is as the editor left it")
        case .killed(let signal):
            throw CommandFailure(message: "editor '\(editor.value)' was ended by signal \(signal) (\(String(cString: strsignal(signal)))); \(path) is as the editor left it")
        case .couldNotStart(let error):
            throw CommandFailure(message: "cannot start editor '\(editor.value)': \(String(cString: strerror(error))); set VISUAL or EDITOR to an editor that is installed")
        case .lost(let error):
            throw CommandFailure(message: "lost track of editor '\(editor.value)': \(String(cString: strerror(error))); \(path) is as the editor left it")
        }
    }
}

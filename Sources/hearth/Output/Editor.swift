import Foundation

/// Opens files in the user's editor (`$VISUAL`, then `$EDITOR`, then `vi`), only when a person is
/// at a terminal: scripts and tests never block on an editor.
enum Editor {
    /// Whether an editor can be shown: stdin and stdout are terminals.
    static var isAvailable: Bool { Terminal.standardOutput.isTerminal && isatty(0) == 1 }

    /// Runs the editor on `path` and waits for it.
    static func open(_ path: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor value may carry flags (`code --wait`), as git allows; the path goes in as "$1".
        process.arguments = ["-c", editor + " \"$1\"", "hearth-editor", path]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw CommandFailure(message: "editor '\(editor)' exited with status \(process.terminationStatus); \(path) is as the editor left it")
        }
    }
}

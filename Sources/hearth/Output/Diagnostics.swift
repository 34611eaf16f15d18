import NoteKit

/// The one way hearth writes to stderr: errors, notes about the command, status lines and
/// progress all go through here, so what a user sees on stderr is decided in one place.
/// (The watch loop writes its event lines with write(2) itself: see `WatchCommand.write`.)
enum Diagnostics {
    /// `hearth: error: MESSAGE`: why the command failed.
    static func error(_ message: String) {
        Terminal.standardError.write("hearth: error: \(message)\n")
    }

    /// `hearth: MESSAGE`: something the user should know that did not stop the command.
    static func note(_ message: String) {
        Terminal.standardError.write("hearth: \(message)\n")
    }

    /// One line that is not the command's output: a summary, a hint, a usage error's text.
    static func status(_ line: String) {
        Terminal.standardError.write(line + "\n")
    }

    /// Text as it is: a block that ends in its own newline, or terminal progress that redraws a line.
    static func text(_ text: String) {
        Terminal.standardError.write(text)
    }

    /// Compiler-style `file:line: severity: message` lines, coloured on a terminal.
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        Terminal.standardError.write(DiagnosticReport.render(diagnostics, terminal: .standardError))
    }

    /// Whether stderr is a terminal (progress is drawn only there).
    static var isTerminal: Bool { Terminal.standardError.isTerminal }

    /// Prints the report of a failed command: `hearth: error: ...`, or `hearth: path:line: error: ...`
    /// for a diagnostic, which already says "error".
    static func report(_ report: ErrorReport) {
        if report.isDiagnostic { note(report.message) } else { error(report.message) }
    }
}

import NoteKit

/// Prints diagnostics the way compilers do, on stderr, coloured only on a terminal.
enum DiagnosticReport {
    /// One `file:line: severity: message` line per diagnostic.
    static func render(_ diagnostics: [Diagnostic], terminal: Terminal) -> String {
        diagnostics.map { diagnostic in
            let diagnostic = diagnostic.advised
            let location = diagnostic.line > 0 ? "\(diagnostic.path):\(diagnostic.line):" : "\(diagnostic.path):"
            let severity = terminal.paint(diagnostic.severity.rawValue + ":", diagnostic.severity == .error ? .red : .yellow)
            var line = "\(location) \(severity) \(diagnostic.message)"
            if let hint = diagnostic.hint { line += terminal.paint(" (\(hint))", .dim) }
            return line + "\n"
        }.joined()
    }

    /// After a listing: names the files that could not be read and fails the command, without
    /// hiding the entries that were listed.
    static func reportUnreadable(_ diagnostics: [Diagnostic]) throws {
        guard !diagnostics.isEmpty else { return }
        Diagnostics.diagnostics(diagnostics)
        let count = diagnostics.count
        throw CommandFailure(message: "\(count) \(count == 1 ? "file" : "files") could not be read (listed above); hearth did not change them")
    }
}

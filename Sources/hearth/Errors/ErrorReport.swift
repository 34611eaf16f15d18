import NoteKit

/// What hearth prints for a failed command and the exit code it means: 1 for a failure, 2 for a
/// usage error (the command line itself is wrong).
struct ErrorReport: Sendable, Equatable {
    /// What happened and, where hearth knows it, what to do next: the text after `hearth: error: `.
    var message: String
    /// The process's exit status.
    var exitCode: Int32 = 1
    /// Whether `message` is a diagnostic that already says `path:line: error:`.
    var isDiagnostic = false

    /// A failure (exit 1).
    static func failure(_ message: String) -> ErrorReport { ErrorReport(message: message) }

    /// A usage error (exit 2).
    static func usage(_ message: String) -> ErrorReport { ErrorReport(message: message, exitCode: 2) }

    /// A file that cannot be used as it is, named with its line (exit 1).
    static func diagnostic(_ diagnostic: Diagnostic) -> ErrorReport {
        ErrorReport(message: diagnostic.advised.description, isDiagnostic: true)
    }

    /// A reference shaped like a date that names no day (`2026-02-30`) found no entry because the
    /// day does not exist: that, as a usage error, rather than "no entry matches"; nil otherwise.
    static func notADate(_ reference: String) -> ErrorReport? {
        // `tomorrow` is read as a day, but names no entry: a usage error too.
        if let refusal = DateArgument.refusal(ofReference: reference) { return .usage(refusal) }
        guard LocalDate.isDateShaped(reference), let problem = LocalDate.problem(with: reference) else { return nil }
        return .usage(problem)
    }
}

/// An error the command line knows how to report: every library error hearth can meet gets a
/// conformance in Sources/hearth/Errors, which adds the advice that names hearth's own commands
/// and flags (the libraries only say what happened). `Hearth.runAndExit` prints the report
/// through ``Diagnostics/report(_:)`` and exits with its code.
protocol ReportableError: Error {
    /// The message and exit code for this error.
    var report: ErrorReport { get }
}

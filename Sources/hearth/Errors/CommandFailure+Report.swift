extension CommandFailure: ReportableError {
    var report: ErrorReport { ErrorReport(message: message, exitCode: exitCode) }
}

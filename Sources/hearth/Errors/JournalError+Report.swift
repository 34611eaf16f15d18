import JournalKit

extension JournalError: ReportableError {
    var report: ErrorReport { ErrorReport(message: message(), exitCode: exitCode) }
}

import NoteKit

extension NotebookError: ReportableError {
    /// NoteKit's account; an unreadable file as the diagnostic it is, a reference shaped like a
    /// date that names no day as a usage error, and the command that edits an entry that exists.
    var report: ErrorReport {
        switch self {
        case .unreadable(let diagnostic):
            return .diagnostic(diagnostic)
        case .notFound(let reference):
            return ErrorReport.notADate(reference)
                ?? DateArgument.dayNamed(by: reference).map { .failure("no entry for \($0)") } ?? .failure(description)
        case .alreadyExists:
            return .failure(message)
        default:
            return .failure(description)
        }
    }

    /// The text of this error inside a longer message: the library's account plus any advice.
    var message: String {
        guard case .alreadyExists = self else { return description }
        return description + " (use `hearth edit`)"
    }
}

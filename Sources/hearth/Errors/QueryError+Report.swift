import NoteKit

extension QueryError: ReportableError {
    /// A query that does not parse is a usage error.
    var report: ErrorReport { .usage(description) }
}

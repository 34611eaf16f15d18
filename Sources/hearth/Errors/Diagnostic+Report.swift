import NoteKit

extension Diagnostic: ReportableError {
    var report: ErrorReport { .diagnostic(self) }
}

import NoteKit

extension NotebookLocationError: ReportableError {
    var report: ErrorReport { .failure(NotANotebookAdvice.message(for: self)) }
}

import GitKit

extension GitError: ReportableError {
    var report: ErrorReport { .failure(description + GitAdvice.suffix(for: cause)) }
}

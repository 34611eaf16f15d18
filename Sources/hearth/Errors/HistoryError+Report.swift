import HistoryKit

extension HistoryError: ReportableError {
    /// HistoryKit's account, with the flag it is about (`--at`) and the command that shows more.
    var report: ErrorReport {
        switch self {
        case .notANotebook:
            return .failure(NotANotebookAdvice.noRepository(description, for: .history))
        case .noHistory:
            return .failure("\(self); hearth sync records the first version")
        case .unknownRevision:
            return .failure("--at \(self); give a date like 2026-11-20, a time like 2026-11-20T14:30, or a commit id from hearth log")
        case .beforeHistory:
            return .failure("--at \(self); pick a later date")
        case .absent(let path, _):
            return .failure("\(self); hearth log \(path) shows when it did")
        case .notFound(let reference):
            return ErrorReport.notADate(reference)
                ?? DateArgument.dayNamed(by: reference).map { .failure("no entry for \($0) now or in the notebook's history") }
                ?? .failure("\(self); hearth log lists every change")
        case .ambiguous, .git:
            return .failure(description)
        }
    }
}

import JournalKit

extension ImportError: ReportableError {
    /// JournalKit's account, with the import command that reads the file instead and the command
    /// that lists unreadable files.
    var report: ErrorReport {
        switch self {
        case .otherSource(let file, let source, let fits):
            return .failure("\(file) is a \(fits.rawValue) export (\(fits.signature)), not a \(source.rawValue) one: "
                + "run hearth import \(fits.rawValue) \(file); nothing was imported")
        case .unreadableNotebook(let diagnostics):
            let count = diagnostics.count
            return .failure("\(count) \(count == 1 ? "file" : "files") in the notebook could not be read, so hearth cannot tell "
                + "which entries were imported before; fix \(count == 1 ? "it" : "them") (see `hearth check`) "
                + "and run the import again; nothing was imported")
        default:
            return .failure(description)
        }
    }
}

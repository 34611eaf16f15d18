import NoteKit

/// Why an import stopped before writing anything. Each case names the export file (as the user
/// typed it) and, for a bad entry, its index in the `entries` list, so the user can find it.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The export file could not be read at all.
    case unreadableFile(file: String, reason: String)
    /// The file is not JSON.
    case notJSON(file: String, reason: String)
    /// The file is JSON but not the shape the source's exporter writes.
    case wrongShape(file: String, source: ImportSource, problem: String)
    /// The file is the other app's export: `fits` is the source that reads it (the CLI names
    /// the command).
    case otherSource(file: String, source: ImportSource, fits: ImportSource)
    /// One entry lacks a field or has one of the wrong type or format (`index` is 0-based; `field`
    /// is nil when the entry itself is not an object).
    case invalidEntry(file: String, index: Int, field: String?, problem: String)
    /// Files in the notebook could not be read, so entries imported before cannot all be recognised.
    case unreadableNotebook([Diagnostic])

    public var description: String {
        switch self {
        case .unreadableFile(let file, let reason):
            return "\(file): cannot read the export: \(reason); nothing was imported"
        case .notJSON(let file, let reason):
            return "\(file): not valid JSON (\(reason)); nothing was imported"
        case .wrongShape(let file, let source, let problem):
            return "\(file): \(problem), but \(source.exporter) writes an object with an 'entries' list; nothing was imported"
        case .otherSource(let file, let source, let fits):
            return "\(file) looks like \(fits.exporter) (\(fits.signature)), not \(source.exporter); nothing was imported"
        case .invalidEntry(let file, let index, let field, let problem):
            // Both the JSON index and the 1-based count a person uses.
            let entry = "entries[\(index)] (entry \(index + 1))"
            let subject = field.map { "\(entry): '\($0)'" } ?? entry
            return "\(file): \(subject) \(problem); nothing was imported"
        case .unreadableNotebook(let diagnostics):
            let count = diagnostics.count
            return "\(count) \(count == 1 ? "file" : "files") in the notebook could not be read, so hearth cannot tell "
                + "which entries were imported before; nothing was imported"
        }
    }
}

import ArgumentParser

/// The file formats `hearth export` writes.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    /// JSON Lines: one JSON object per entry per line, no enclosing array.
    case jsonl
    /// RFC 4180 CSV with a header row.
    case csv
}

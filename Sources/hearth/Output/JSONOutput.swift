import NoteKit

/// Every `--json`: one document on stdout through ``JSONValue``'s compact writer, keys in a fixed
/// order (a record's own order, front-matter fields in file order), snake_case names. A list is an
/// array with one element per line (`[` and `]` on lines of their own, `[]` when empty), written in
/// pieces, so a large result is never held twice and `grep` still finds a line; anything else is
/// one line.
enum JSONOutput {
    /// An `Encodable` result (``SyncReport``, ``NotebookStatus``, ...) with its declared fields.
    static func write(_ value: some Encodable) throws {
        write(try JSONValueEncoder.encode(value))
    }

    static func write(_ value: JSONValue) {
        if case .array(let items) = value {
            write(rows: items) { $0 }
        } else {
            Terminal.standardOutput.write(value.serialized() + "\n")
        }
    }

    /// `rows` as one array, one element a line, in pieces of about 64 KiB: one string of every row
    /// would hold a large result twice (a history search for a common word on 10,000 entries
    /// prints over 10 MB).
    static func write<Row>(rows: [Row], json row: (Row) -> JSONValue) {
        var piece = rows.isEmpty ? "[]\n" : "[\n"
        for (index, item) in rows.enumerated() {
            piece += row(item).serialized() + (index == rows.count - 1 ? "\n]\n" : ",\n")
            if piece.utf8.count >= 65_536 {
                Terminal.standardOutput.write(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { Terminal.standardOutput.write(piece) }
    }

    /// ``write(rows:json:)`` with the rows rendered on every core, a block at a time: a listing
    /// of 100,000 entries from the query cache spent more time writing JSON than finding them.
    /// Each row is given as its serialized text.
    static func writeInParallel<Row: Sendable>(rows: [Row], line: @escaping @Sendable (Row) -> String) {
        guard !rows.isEmpty else { return Terminal.standardOutput.write("[]\n") }
        var piece = "[\n"
        var start = 0
        while start < rows.count {
            let end = min(start + 4096, rows.count)
            let lines = ParallelMap.map(Array(rows[start..<end]), line)
            for (offset, line) in lines.enumerated() {
                piece += line + (start + offset == rows.count - 1 ? "\n]\n" : ",\n")
                if piece.utf8.count >= 65_536 {
                    Terminal.standardOutput.write(piece)
                    piece = ""
                }
            }
            start = end
        }
        if !piece.isEmpty { Terminal.standardOutput.write(piece) }
    }
}

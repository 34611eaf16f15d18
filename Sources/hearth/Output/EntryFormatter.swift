import NoteKit

/// Renders entries for `list`: an aligned table for people, JSON lines and CSV for programs.
enum EntryFormatter {
    /// `path` followed by the front-matter fields in file order.
    static func row(_ note: Note) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("path", .string(note.path))]
        forEachField(of: note, bodyTags: false) { pairs.append(($0, $1.jsonObject)) }
        return .object(pairs)
    }

    /// ``row(_:)``'s text (`serialized()`), written directly: `list --json` of a large notebook
    /// spent a seventh of its time building the objects it printed. With `bodyTags`, followed
    /// by `body_tags`, the body's `#tags` (`list --tag --json`); a front-matter key of that name
    /// is left out then, as `path` is.
    static func rowText(_ note: Note, bodyTags: Bool) -> String {
        var out = "{\"path\":"
        out.reserveCapacity(512)
        JSONValue.writeString(note.path, to: &out)
        // From the query cache, the fields come as the text it recorded.
        let fields = note.jsonFields(bodyTags: bodyTags)
        if !fields.isEmpty {
            out += ","
            out += fields
        }
        if bodyTags {
            out += ",\"body_tags\":"
            JSONValue.array(note.bodyTags.map { .string($0) }).write(to: &out)
        }
        return out + "}"
    }

    /// The front-matter fields a row shows, in file order: all but `path` (and `body_tags` when
    /// the row adds its own).
    private static func forEachField(of note: Note, bodyTags: Bool, _ body: (String, YAMLValue) -> Void) {
        for entry in note.frontMatter?.entries ?? [] where entry.key != "path" && !(bodyTags && entry.key == "body_tags") {
            body(entry.key, entry.value)
        }
    }

    /// A header of `path` plus every key in first-seen order (and `body` last when asked for);
    /// lists as `[a, b]`, empty cells for keys an entry does not record. A front-matter key named
    /// like one of the row's own columns is left out.
    static func csv(_ notes: [Note], withBody: Bool = false) -> String {
        var keys: [String] = []
        var seen: Set<String> = withBody ? ["path", "body"] : ["path"]
        for note in notes {
            for key in note.frontMatter?.keys ?? [] where seen.insert(key).inserted { keys.append(key) }
        }
        var out = csvRecord(["path"] + keys + (withBody ? ["body"] : []))
        for note in notes {
            let values = keys.map { key -> String in
                guard let value = note[key], !value.isNull else { return "" }
                return value.scalar?.text ?? YAMLWriter.render(value)
            }
            out += csvRecord([note.path] + values + (withBody ? [note.body] : []))
        }
        return out
    }

    /// One CSV line; RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
    private static func csvRecord(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }

    /// `DATE  KIND  PATH  field=value ...  title`, columns aligned.
    /// `display` turns a notebook-relative path into the one printed (``DisplayPath``).
    static func table(_ notes: [Note], fields: [String], display: (String) -> String = { $0 }) -> String {
        var uniqueFields: [String] = []
        for field in fields where !uniqueFields.contains(field) && !["date", "path", "kind", "title"].contains(field) {
            uniqueFields.append(field)
        }
        let rows = notes.map { note -> [String] in
            var row = [note.date?.description ?? "-", note.kind.rawValue, display(note.path)]
            row += uniqueFields.map { key in "\(key)=" + (note[key].map { $0.scalar?.text ?? YAMLWriter.render($0) } ?? "") }
            if note.kind != .day { row.append(note.title) }
            return row
        }
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                // Terminal columns, not characters: a path or value in CJK or with emoji stays aligned.
                index == row.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[index])
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}

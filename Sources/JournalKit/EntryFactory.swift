import NoteKit

/// Makes new entries from templates at their layout paths.
public enum EntryFactory {
    /// A new entry of `kind` for `date`, with `assignments` applied as ``apply(_:to:newKeys:)``
    /// applies them.
    ///
    /// - Throws: ``JournalError`` for a value the kind refuses or a key that looks mistyped,
    ///   ``Diagnostic`` (wrapped in ``NotebookError/unreadable(_:)``) when a notebook template
    ///   is not valid front-matter.
    public static func make(kind: NoteKind, date: LocalDate, title: String?, assignments: [(String, String)],
                            notebook: Notebook, newKeys: Bool = false) throws -> Note {
        let slug = title.map(NotebookLayout.slug).flatMap { $0.isEmpty ? nil : $0 }
        let path = NotebookLayout.path(for: kind, date: date, slug: slug)
        let text = Templates.render(Templates.template(kind, notebook: notebook), date: date,
                                    title: title ?? NotebookLayout.stem(of: path), kind: kind)
        var note: Note
        do {
            note = try Note(parsing: text, path: path)
        } catch {
            throw NotebookError.unreadable(Diagnostic(path: ".hearth/templates/\(kind.rawValue).md", line: error.line,
                                                      message: "template: " + error.message, hint: error.hint))
        }
        try apply(assignments, to: &note, newKeys: newKeys)
        return note
    }

    /// Sets each `(key, value)` on `note`, the value read as ``FieldValue/parse(_:key:kind:)``
    /// reads it. A key the entry lacks that is a near miss of one its kind or the entry knows
    /// (`Mood`, `enrgy`) is refused unless `newKeys`; keys are compared with the entry as it was
    /// before any of them was set. On a throw the caller must discard `note`.
    ///
    /// - Throws: ``JournalError/nearMissKey(key:suggestion:)``, or what `FieldValue.parse` throws.
    public static func apply(_ assignments: [(String, String)], to note: inout Note, newKeys: Bool) throws(JournalError) {
        let schema = KindSchema.forKind(note.kind)
        let entryKeys = note.frontMatter?.entries.map(\.key) ?? []
        for (key, value) in assignments {
            if !newKeys, let suggestion = schema.nearMiss(of: key, entryKeys: entryKeys) {
                throw JournalError.nearMissKey(key: key, suggestion: suggestion)
            }
            note.set(key, to: try FieldValue.parse(value, key: key, kind: note.kind))
        }
    }

    /// Splits `key=value` arguments at the first `=`. Spaces around the `=` are dropped
    /// (`'energy = 3'` sets `energy`), and a key YAML would need quotes for is refused
    /// (`'my key=1'`), so what is written is the key the person meant or nothing.
    ///
    /// - Throws: ``JournalError/malformedAssignment(_:)`` without `=` or a key,
    ///   ``JournalError/invalidKey(key:reason:)`` naming the character in the way.
    public static func assignments(_ arguments: [String]) throws(JournalError) -> [(String, String)] {
        var result: [(String, String)] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { throw JournalError.malformedAssignment(argument) }
            let key = trimmed(argument[..<equals]), value = trimmed(argument[argument.index(after: equals)...])
            guard !key.isEmpty else { throw JournalError.malformedAssignment(argument) }
            if let problem = KeyName.problem(with: key) { throw JournalError.invalidKey(key: key, reason: problem) }
            result.append((key, value))
        }
        return result
    }

    private static func trimmed(_ text: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(text.drop(while: blank).reversed().drop(while: blank).reversed())
    }
}

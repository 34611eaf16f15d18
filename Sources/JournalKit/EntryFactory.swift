import NoteKit

/// Makes new entries from templates at their layout paths.
public enum EntryFactory {
    /// A new entry of `kind` for `date`, with `assignments` applied (validated against the kind).
    ///
    /// - Throws: ``JournalError`` for a value the kind refuses, ``Diagnostic`` (wrapped in
    ///   ``NotebookError/unreadable(_:)``) when a notebook template is not valid front-matter.
    public static func make(kind: NoteKind, date: LocalDate, title: String?, assignments: [(String, String)],
                            notebook: Notebook) throws -> Note {
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
        for (key, value) in assignments {
            note.set(key, to: try FieldValue.parse(value, key: key, kind: kind))
        }
        return note
    }

    /// Splits `key=value` arguments.
    public static func assignments(_ arguments: [String]) throws(JournalError) -> [(String, String)] {
        var result: [(String, String)] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw JournalError.malformedAssignment(argument)
            }
            result.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
        }
        return result
    }
}

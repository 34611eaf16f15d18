import NoteKit

/// `hearth check`: every entry parses, its values fit its kind, and its file name agrees with its
/// date. Problems are diagnostics with the line of the offending key.
public enum EntryValidator {
    /// The problems in one parsed note (parse errors are reported by the scan itself).
    public static func problems(in note: Note) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let kind = note.kind
        let schema = KindSchema.forKind(kind)
        for entry in note.frontMatter?.entries ?? [] {
            if let suggestion = schema.fields[entry.key]?.suggestion(for: entry.value) {
                problems.append(Diagnostic(path: note.path, line: note.line(ofKey: entry.key) ?? 0, severity: .warning,
                                           message: "\(entry.key) \(suggestion)", hint: nil))
            }
            guard let type = schema.fields[entry.key], let problem = type.problem(with: entry.value) else { continue }
            problems.append(Diagnostic(path: note.path, line: note.line(ofKey: entry.key) ?? 0,
                                       message: "\(entry.key) \(problem)",
                                       fix: .setField(key: entry.key, value: "VALUE")))
        }
        problems += misspelledKeys(in: note, schema: schema)
        problems += dateProblems(note, kind: kind)
        if kind == .experiment, (note["predicted_failure"]?.isNull ?? true) {
            problems.append(Diagnostic(path: note.path, line: note.line(ofKey: "predicted_failure") ?? 1, severity: .warning,
                                       message: "experiment has no predicted_failure: write down how it is most likely to fail before you start",
                                       fix: .setField(key: "predicted_failure", value: "instability")))
        }
        return problems
    }

    /// Keys a day, experiment or week does not define that are a near miss of one it does
    /// (`Mood`, `enrgy`): review and list never see them. Other unknown keys are the user's own
    /// and pass silently, so only a likely misspelling is worth a warning.
    private static func misspelledKeys(in note: Note, schema: KindSchema) -> [Diagnostic] {
        guard schema.definesKeys else { return [] }
        var problems: [Diagnostic] = []
        for entry in note.frontMatter?.entries ?? [] {
            guard let suggestion = schema.nearMiss(of: entry.key) else { continue }
            problems.append(Diagnostic(path: note.path, line: note.line(ofKey: entry.key) ?? 0, severity: .warning,
                                       message: JournalError.nearMissKey(key: entry.key, suggestion: suggestion).description,
                                       hint: "rename it to \(suggestion), or keep it if it is a key of your own"))
        }
        return problems
    }

    private static func dateProblems(_ note: Note, kind: NoteKind) -> [Diagnostic] {
        let nameDate = NotebookLayout.date(fromPath: note.path)
        let written = note["date"]?.date
        let line = note.line(ofKey: "date") ?? 1
        if kind == .day {
            guard let date = written ?? nameDate else {
                return [Diagnostic(path: note.path, line: line,
                                   message: "day entry has no date: neither a 'date:' key nor a YYYY-MM-DD file name",
                                   hint: "add 'date: YYYY-MM-DD'")]
            }
            let expected = NotebookLayout.path(for: .day, date: date, slug: nil)
            if note.path.hasPrefix("days/") && note.path != expected {
                return [Diagnostic(path: note.path, line: line,
                                   message: "day entry dated \(date) is at \(note.path) but belongs at \(expected)",
                                   hint: "move the file or fix its date")]
            }
        }
        let stem = NotebookLayout.stem(of: note.path)
        if kind == .week, let value = note["week"], FieldType.isoWeek.problem(with: value) == nil,
           let week = value.string, stem.contains("-W"), stem != week {
            return [Diagnostic(path: note.path, line: note.line(ofKey: "week") ?? 1,
                               message: "week \(week) does not match the file name's \(stem)",
                               hint: "rename the file or fix 'week:'")]
        }
        if let written, let nameDate, written != nameDate {
            return [Diagnostic(path: note.path, line: line,
                               message: "date \(written) does not match the file name's \(nameDate)",
                               hint: "rename the file or fix 'date:'")]
        }
        return []
    }
}

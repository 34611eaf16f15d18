import Foundation

extension Notebook {
    /// Finds the entry a user means: a path, a day (`2026-11-22`, `today`, `yesterday`,
    /// `3 days ago`, `monday`: see ``RelativeDay``), a week's entry (`last week`), or a unique
    /// prefix of a file name (dates in experiment names may be left out). A day phrase wins over
    /// a file name it also starts.
    ///
    /// - Throws: ``NotebookError/notFound(reference:)`` or ``NotebookError/ambiguous(reference:candidates:)``
    ///   listing the candidates.
    public func resolve(_ reference: String, today: LocalDate, workingDirectory: URL) throws(NotebookError) -> String {
        let path = try resolveUnchecked(reference, today: today, workingDirectory: workingDirectory)
        // A link out of the notebook is refused however it was named (date, slug or path).
        _ = try containedPath(path)
        return path
    }

    /// The day a reference names: a `YYYY-MM-DD` date or a phrase for today or a day before it
    /// (``RelativeDay``); nil for paths, names, `tomorrow` and weeks, which name no entry to find.
    public static func day(namedBy reference: String, today: LocalDate) -> LocalDate? {
        guard let phrase = try? RelativeDay(parsing: reference), phrase != .tomorrow, !phrase.isRange,
              let days = try? phrase.days(today: today) else { return nil }
        return days.lowerBound
    }

    /// The week entry's path (`weeks/2026/2026-W46.md`) a week phrase (`this week`, `last week`)
    /// names; nil for anything else.
    public static func weekEntryPath(namedBy reference: String, today: LocalDate) -> String? {
        guard let phrase = try? RelativeDay(parsing: reference), phrase.isRange,
              let days = try? phrase.days(today: today) else { return nil }
        return NotebookLayout.path(for: .week, date: days.lowerBound, slug: nil)
    }

    private func resolveUnchecked(_ reference: String, today: LocalDate, workingDirectory: URL) throws(NotebookError) -> String {
        if let date = Notebook.day(namedBy: reference, today: today) { return try dayEntry(for: date, reference: reference) }
        if let week = Notebook.weekEntryPath(namedBy: reference, today: today) {
            guard exists(week) else { throw NotebookError.notFound(reference: reference) }
            return week
        }
        if reference.hasSuffix(".md") || reference.contains("/") {
            // Paths are relative to where the user is, like git's.
            let relative = try relativePath(ofUserPath: reference, workingDirectory: workingDirectory)
            guard exists(relative) else { throw NotebookError.notFound(reference: reference) }
            return relative
        }
        let candidates = Notebook.entries(named: reference, among: entryPaths())
        switch candidates.count {
        case 0: throw NotebookError.notFound(reference: reference)
        case 1: return candidates[0]
        default: throw NotebookError.ambiguous(reference: reference, candidates: candidates)
        }
    }

    /// The entries among `paths` whose file name `name` is, or starts with (case ignored; the
    /// date of a dated name such as `2026-11-22-warmup-ablation` may be left out): the exact
    /// matches when there are any, else those it starts.
    public static func entries(named name: String, among paths: [String]) -> [String] {
        let needle = name.lowercased()
        var exact: [String] = []
        var prefixed: [String] = []
        for path in paths {
            let stem = NotebookLayout.stem(of: path).lowercased()
            let undated = NotebookLayout.date(fromPath: path) != nil && stem.count > 11 ? String(stem.dropFirst(11)) : stem
            if stem == needle || undated == needle {
                exact.append(path)
            } else if stem.hasPrefix(needle) || undated.hasPrefix(needle) {
                prefixed.append(path)
            }
        }
        return exact.isEmpty ? prefixed : exact
    }

    /// The day entry's path for `date`, or the one dated entry named after it.
    private func dayEntry(for date: LocalDate, reference: String) throws(NotebookError) -> String {
        let path = NotebookLayout.path(for: .day, date: date, slug: nil)
        if exists(path) { return path }
        let named = entryPaths().filter { NotebookLayout.stem(of: $0) == date.description }
        switch named.count {
        case 0: throw NotebookError.notFound(reference: reference)
        case 1: return named[0]
        default: throw NotebookError.ambiguous(reference: reference, candidates: named)
        }
    }
}

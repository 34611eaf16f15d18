/// Where each kind of entry lives in a notebook (architecture.md, "The notebook on disk").
public enum NotebookLayout {
    /// The folder, relative to the root, that holds entries of `kind`.
    public static func folder(for kind: NoteKind) -> String {
        switch kind {
        case .day: return "days"
        case .week: return "weeks"
        case .experiment: return "experiments"
        default: return "notes"
        }
    }

    /// The path a new entry gets: `days/2026/2026-11-22.md`, `weeks/2026/2026-W47.md`,
    /// `experiments/2026/2026-11-22-slug.md`, `notes/slug.md`.
    public static func path(for kind: NoteKind, date: LocalDate, slug: String?) -> String {
        let year = String(date.year)
        switch kind {
        case .day: return "days/\(year)/\(date).md"
        case .week:
            let name = date.isoWeekName
            return "weeks/\(name.prefix(4))/\(name).md"
        case .experiment: return "experiments/\(year)/\(date)-\(slug ?? "experiment").md"
        default: return "\(folder(for: kind))/\(slug ?? date.description).md"
        }
    }

    /// The kind a path implies when a file has no `kind:` key.
    public static func kind(forPath path: String) -> NoteKind {
        let top = path.prefix { $0 != "/" }
        switch top {
        case "days": return .day
        case "weeks": return .week
        case "experiments": return .experiment
        default: return .note
        }
    }

    /// The date at the start of the file name (`2026-11-22.md`, `2026-11-22-warmup.md`).
    public static func date(fromPath path: String) -> LocalDate? {
        let name = stem(of: path)
        guard name.utf8.count >= 10 else { return nil }
        return LocalDate(name.prefix(10))
    }

    /// Whether a notebook-relative path is an entry: a `.md` file outside hidden folders (`.git`,
    /// `.hearth`, `.obsidian`), as ``Notebook/entryPaths()`` lists them from the disk.
    public static func isEntryPath(_ path: String) -> Bool {
        path.hasSuffix(".md") && !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// The file name without folders and without `.md`.
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// A file-name-safe slug of a title: lowercase ASCII letters and digits joined by `-`.
    public static func slug(_ title: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return String(slug.prefix(60))
    }
}

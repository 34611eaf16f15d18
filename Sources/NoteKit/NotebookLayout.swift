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
        let top = String(decoding: path.utf8.prefix { $0 != UInt8(ascii: "/") }, as: UTF8.self)
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
    ///
    /// The path is split at each `/` byte, as the disk splits it, never at Characters: a name
    /// ending in a "prepend" mark (U+0600 ARABIC NUMBER SIGN, U+06DD, U+110BD) joins the `/`
    /// after it into one Character, and a name starting with a combining mark joins the `/`
    /// before it, which would hide the folder boundary. Each name is then judged on its own
    /// (``isHiddenName(_:)``, ``isMarkdownName(_:)``), as the listing judges what it reads.
    public static func isEntryPath(_ path: String) -> Bool {
        let utf8 = path.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // Nearly every path: ASCII bytes give the same answers byte by byte, with no String made.
            var previous = UInt8(ascii: "/")
            for byte in utf8 {
                if previous == UInt8(ascii: "/") && byte == UInt8(ascii: ".") { return false }
                previous = byte
            }
            return utf8.reversed().starts(with: "dm.".utf8)
        }
        // Empty names kept: a path ending in `/` names a folder, not a file.
        let names = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let last = names.last, isMarkdownName(last) else { return false }
        return !names.contains(where: isHiddenName)
    }

    /// Whether a file or folder name hides it from the notebook (`.git`, `.obsidian`, `.x.md.swp`):
    /// it starts with the Character `.`, so `.` followed by a combining mark hides nothing.
    public static func isHiddenName(_ name: String) -> Bool {
        name.hasPrefix(".")
    }

    /// Whether a file name is a Markdown name: it ends in the Characters `.md` (a "prepend" mark
    /// just before the `.` makes another Character of it, so such a name is not one).
    public static func isMarkdownName(_ name: String) -> Bool {
        name.hasSuffix(".md")
    }

    /// The names along a `/`-separated path, split at the `/` byte (never at Characters, see
    /// ``isEntryPath(_:)``), empty names left out.
    public static func names(of path: String) -> [String] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `path` relative to `folder` when it lies below it (`/n/days/x.md` below `/n` is
    /// `days/x.md`), else nil. Compared as bytes, as the disk compares names: as Characters, a name
    /// starting with a combining mark would hide the `/` before it and a canonically equivalent
    /// but different folder name (`café` composed or decomposed) would count as the same folder.
    public static func relative(_ path: String, below folder: String) -> String? {
        let prefix = folder.utf8.last == UInt8(ascii: "/") ? folder : folder + "/"
        guard path.utf8.count > prefix.utf8.count, path.utf8.starts(with: prefix.utf8) else { return nil }
        return String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }

    /// The file name without folders and without `.md`.
    public static func stem(of path: String) -> String {
        let name = names(of: path).last ?? path
        return isMarkdownName(name) ? String(name.dropLast(3)) : name
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

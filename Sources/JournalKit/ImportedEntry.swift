import Foundation
import NoteKit

/// One entry read from another app's export, checked and ready to become a note at
/// `notes/<source>/<YYYY-MM-DD>-<slug>.md`.
public struct ImportedEntry: Sendable, Hashable {
    /// The app it came from.
    public var source: ImportSource
    /// The source's id for it (Day One's uuid; a content fingerprint for jrnl, which has none).
    public var sourceID: String
    /// The day it was written, in the writer's own time zone.
    public var date: LocalDate
    /// The local time it was written, `HH:MM`.
    public var time: String
    /// The title; empty when the entry has no text to take one from.
    public var title: String
    /// Tags without jrnl's `@`, duplicates removed, in their first order.
    public var tags: [String]
    /// Whether the source marked it starred.
    public var starred: Bool
    /// The Markdown text of the note's body (a `# Title` line first where the source has one).
    public var text: String

    /// Creates an entry; `tags` are cleaned of empty strings and duplicates.
    public init(source: ImportSource, sourceID: String, date: LocalDate, time: String, title: String, tags: [String],
                starred: Bool, text: String) {
        self.source = source
        self.sourceID = sourceID
        self.date = date
        self.time = time
        self.title = title
        var seen: Set<String> = []
        self.tags = tags.filter { !$0.isEmpty && seen.insert($0).inserted }
        self.starred = starred
        self.text = text
    }

    /// The most words of a title a file name takes, so names stay readable in a listing.
    static let slugWords = 8

    /// The file-name slug: the title's first words, accents folded (`Café` gives `cafe`, not `caf`),
    /// or `entry` when nothing of the title is left.
    public var slug: String {
        let folded = title.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var parts: [String] = []
        var length = 0
        for word in folded.split(whereSeparator: \.isWhitespace) {
            let part = NotebookLayout.slug(String(word))
            guard !part.isEmpty else { continue }
            if parts.count == Self.slugWords || length + part.count + (parts.isEmpty ? 0 : 1) > 60 { break }
            length += part.count + (parts.isEmpty ? 0 : 1)
            parts.append(part)
        }
        return parts.isEmpty ? "entry" : parts.joined(separator: "-")
    }

    /// The notebook-relative path; `clash` 1 is the plain name, 2 and up add `-2`, `-3`.
    public func path(clash: Int = 1) -> String {
        "notes/\(source.rawValue)/\(date)-\(slug)\(clash > 1 ? "-\(clash)" : "").md"
    }

    /// The note to write at `path`: `kind: note`, date, time, title, tags, starred, source,
    /// source_id, and source_hash (``ImportFingerprint/noteHash(_:)`` of the rest).
    public func note(at path: String) -> Note {
        // A blank line after the front-matter, as hearth's own note template writes it.
        var body = text.isEmpty ? "" : "\n" + text
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        var note = Note(path: path, frontMatter: FrontMatter(), body: body)
        note.set("kind", to: .plain(NoteKind.note.rawValue))
        note.set("date", to: .plain(date.description))
        note.set("time", to: .string(time))
        if !title.isEmpty { note.set("title", to: .string(title)) }
        note.set("tags", to: .list(tags.map(YAMLValue.string)))
        if starred { note.set("starred", to: .plain("true")) }
        note.set("source", to: .plain(source.rawValue))
        note.set("source_id", to: .string(sourceID))
        note.set(ImportFingerprint.noteHashKey, to: .string(ImportFingerprint.noteHash(note.text)))
        return note
    }
}

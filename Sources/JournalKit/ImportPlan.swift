import NoteKit

/// What an import will write: a new note for every entry not imported before, at a free path,
/// and a new version of each note whose entry changed in the other app since.
///
/// An entry is the note with the same `source` and `source_id`, wherever it lives and whatever
/// it has been renamed to; a jrnl entry edited in jrnl (its fingerprint id changes with its
/// text) is the one jrnl note with its date and time that no entry of the export claims by id.
/// Running an import twice adds nothing the second time. A note is rewritten only when its
/// `source_hash` shows it is exactly as the last import wrote it: a note edited in hearth (or
/// imported by a hearth that wrote no hash) is never overwritten; it is listed in ``kept``.
public struct ImportPlan: Sendable {
    /// The notes to create, in the export's order.
    public private(set) var notes: [Note] = []
    /// Notes to rewrite with their entry's new version.
    public private(set) var updates: [ImportUpdate] = []
    /// Notes whose entry changed in the other app but that were edited in hearth since the
    /// import (or carry no record of what it wrote): left as they are.
    public private(set) var kept: [Note] = []
    /// Entries left out because the notebook (or an earlier entry of the same export) has them as they are.
    public private(set) var skipped: [ImportedEntry] = []

    /// Plans against explicit facts: the `source:source_id` keys already present (as notes
    /// imported before hashes were written, so never rewritten) and a test for paths taken on disk.
    public init(entries: [ImportedEntry], alreadyImported: Set<String>, isTaken: (String) -> Bool) {
        let stand = alreadyImported.map { key in
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            var note = Note(path: "", frontMatter: FrontMatter(), body: "")
            note.set("source", to: .string(parts.first ?? ""))
            note.set("source_id", to: .string(parts.count > 1 ? parts[1] : ""))
            return note
        }
        self.init(entries: entries, existing: stand, isTaken: isTaken)
    }

    /// Plans against the notes already in the notebook (those without `source` and `source_id`
    /// are passed over) and a test for paths taken on disk.
    public init(entries: [ImportedEntry], existing: [Note], isTaken: (String) -> Bool) {
        var byKey: [String: Note] = [:]
        for note in existing {
            guard let key = Self.key(of: note) else { continue }
            byKey[key] = byKey[key] ?? note
        }
        // Notes no entry claims by id: for jrnl, where an entry edited there has a new id.
        var claimedKeys = Set(entries.map { Self.key(source: $0.source.rawValue, id: $0.sourceID) }).intersection(byKey.keys)
        var seen: Set<String> = []
        var claimed: Set<String> = []
        for entry in entries {
            let key = Self.key(source: entry.source.rawValue, id: entry.sourceID)
            guard seen.insert(key).inserted else {
                skipped.append(entry)
                continue
            }
            if let note = byKey[key] ?? Self.editedElsewhere(entry, among: byKey, unclaimed: &claimedKeys) {
                plan(entry, against: note, matchedByID: byKey[key] != nil)
                continue
            }
            // Two entries of one day with the same title (two "Standup" notes) get -2, -3, ...
            var clash = 1
            while claimed.contains(entry.path(clash: clash)) || isTaken(entry.path(clash: clash)) { clash += 1 }
            let path = entry.path(clash: clash)
            claimed.insert(path)
            notes.append(entry.note(at: path))
        }
    }

    /// Plans against `notebook`: scans it for notes imported before and checks paths on disk.
    ///
    /// - Throws: ``ImportError/unreadableNotebook(_:)`` when a file cannot be read: it might be an
    ///   entry imported before, and importing it again would duplicate it.
    public init(entries: [ImportedEntry], notebook: Notebook) throws(ImportError) {
        let scan = notebook.scan()
        guard scan.diagnostics.isEmpty else { throw .unreadableNotebook(scan.diagnostics) }
        self.init(entries: entries, existing: scan.notes, isTaken: notebook.exists)
    }

    /// The `source:source_id` keys of every note in the notebook that has both.
    public static func importedKeys(in notebook: Notebook) throws(ImportError) -> Set<String> {
        let scan = notebook.scan()
        guard scan.diagnostics.isEmpty else { throw .unreadableNotebook(scan.diagnostics) }
        return Set(scan.notes.compactMap(key(of:)))
    }

    /// The entry imported before as `note`: skipped when the import would write what it wrote
    /// then, else rewritten when nobody edited the note since, else kept.
    private mutating func plan(_ entry: ImportedEntry, against note: Note, matchedByID: Bool) {
        var entry = entry
        entry.sourceID = note["source_id"]?.scalar?.text ?? entry.sourceID
        let updated = entry.note(at: note.path)
        let stored = note[ImportFingerprint.noteHashKey]?.scalar?.text
        if stored == nil && matchedByID || stored == updated[ImportFingerprint.noteHashKey]?.scalar?.text {
            skipped.append(entry)   // the entry is as it was when imported (edits in hearth stay)
        } else if ImportFingerprint.isAsImported(note) {
            updates.append(ImportUpdate(current: note, updated: updated))
        } else {
            kept.append(note)
        }
    }

    /// For a jrnl entry no note has by id (jrnl's ids are fingerprints of the text, so an entry
    /// edited in jrnl gets a new one): the one jrnl note of the same date and time that no entry
    /// of this export claims by id.
    private static func editedElsewhere(_ entry: ImportedEntry, among notes: [String: Note], unclaimed claimedKeys: inout Set<String>) -> Note? {
        guard entry.source == .jrnl else { return nil }
        let candidates = notes.filter { key, note in
            !claimedKeys.contains(key) && note["source"]?.scalar?.text == ImportSource.jrnl.rawValue
                && note["date"]?.scalar?.text == entry.date.description && note["time"]?.scalar?.text == entry.time
        }
        guard candidates.count == 1, let (key, note) = candidates.first else { return nil }
        claimedKeys.insert(key)
        return note
    }

    /// `source:source_id` of a note that has both. Raw text rather than `.string`: a hand-edited
    /// `source_id: 1234` is still the same id.
    private static func key(of note: Note) -> String? {
        guard let source = note["source"]?.scalar, !source.isNull,
              let id = note["source_id"]?.scalar, !id.isNull else { return nil }
        return key(source: source.text, id: id.text)
    }

    /// The identity of an imported entry across runs.
    static func key(source: String, id: String) -> String { source + ":" + id }
}

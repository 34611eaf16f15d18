import NoteKit

/// What an import will write: a new note for every entry not imported before, at a free path.
///
/// Entries count as imported before when a note in the notebook has the same `source` and
/// `source_id`, wherever it lives and whatever it has been renamed to, so running an import twice
/// adds nothing the second time.
public struct ImportPlan: Sendable {
    /// The notes to create, in the export's order.
    public private(set) var notes: [Note] = []
    /// Entries left out because the notebook (or an earlier entry of the same export) has them.
    public private(set) var skipped: [ImportedEntry] = []

    /// Plans against explicit facts: the `source:source_id` keys already present and a test for
    /// paths already taken on disk.
    public init(entries: [ImportedEntry], alreadyImported: Set<String>, isTaken: (String) -> Bool) {
        var known = alreadyImported
        var claimed: Set<String> = []
        for entry in entries {
            guard known.insert(Self.key(source: entry.source.rawValue, id: entry.sourceID)).inserted else {
                skipped.append(entry)
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
        let imported = try Self.importedKeys(in: notebook)
        self.init(entries: entries, alreadyImported: imported, isTaken: notebook.exists)
    }

    /// The `source:source_id` keys of every note in the notebook that has both.
    public static func importedKeys(in notebook: Notebook) throws(ImportError) -> Set<String> {
        let scan = notebook.scan()
        guard scan.diagnostics.isEmpty else { throw .unreadableNotebook(scan.diagnostics) }
        var keys: Set<String> = []
        for note in scan.notes {
            // Raw text rather than `.string`: a hand-edited `source_id: 1234` is still the same id.
            guard let source = note["source"]?.scalar, !source.isNull,
                  let id = note["source_id"]?.scalar, !id.isNull else { continue }
            keys.insert(key(source: source.text, id: id.text))
        }
        return keys
    }

    /// The identity of an imported entry across runs.
    static func key(source: String, id: String) -> String { source + ":" + id }
}

/// A filter over entries: kinds, tags, a date range and field conditions, all of which must hold.
public struct Query: Sendable, Hashable {
    /// Accepted kinds; empty accepts every kind.
    public var kinds: Set<NoteKind>
    /// Tags an entry must all carry, in `tags:` or as `#tag`s in its body (`BodyTags`).
    public var tags: [String]
    /// The first date included.
    public var since: LocalDate?
    /// The last date included.
    public var until: LocalDate?
    /// Field tests, all of which must pass.
    public var conditions: [QueryCondition]

    /// Creates a query; the default matches everything.
    public init(kinds: Set<NoteKind> = [], tags: [String] = [], since: LocalDate? = nil, until: LocalDate? = nil,
                conditions: [QueryCondition] = []) {
        self.kinds = kinds
        self.tags = tags
        self.since = since
        self.until = until
        self.conditions = conditions
    }

    /// Whether the note passes every part of the query. An entry without a date fails a date range.
    public func matches(_ note: Note) -> Bool {
        matchesExceptTags(note) && carriesTags(note)
    }

    /// Whether the note passes every part of the query but its tags.
    private func matchesExceptTags(_ note: Note) -> Bool {
        if !kinds.isEmpty && !kinds.contains(note.kind) { return false }
        if since != nil || until != nil {
            guard let date = note.date else { return false }
            if let since, date < since { return false }
            if let until, date > until { return false }
        }
        return conditions.allSatisfy { $0.matches(note[$0.key]) }
    }

    /// Whether the note carries every tag of the query, in `tags:` or in its body; the body is
    /// searched only for tags that `tags:` lacks (a note the query cache listed carries the body
    /// tags it recorded, ``Note/bodyTags``).
    private func carriesTags(_ note: Note) -> Bool {
        guard !tags.isEmpty else { return true }
        let listed = note.tags
        let missing = tags.filter { !listed.contains($0) }
        guard !missing.isEmpty else { return true }
        let inBody = Set(note.bodyTags)
        return missing.allSatisfy(inBody.contains)
    }
}

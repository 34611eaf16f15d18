extension Query {
    /// The front-matter keys ``matches(_:)`` reads: a note holding only these entries matches
    /// exactly when the whole note does, so the query cache decodes only them to filter.
    package var frontMatterKeys: [String] {
        ["kind", "date", "tags"] + conditions.map(\.key)
    }
}

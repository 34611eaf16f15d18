extension Query {
    /// The front-matter keys ``matches(_:)`` reads: a note holding only these entries matches
    /// exactly when the whole note does, so the query cache decodes only them to filter. `kind`
    /// and `date` fall back to the path, and only a query on them reads them.
    package var frontMatterKeys: [String] {
        (kinds.isEmpty ? [] : ["kind"]) + (since == nil && until == nil ? [] : ["date"]) + (tags.isEmpty ? [] : ["tags"])
            + conditions.map(\.key)
    }
}

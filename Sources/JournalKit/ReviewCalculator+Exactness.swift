import NoteKit

extension ReviewCalculator {
    /// The values a review would have to round: whole numbers beyond 2^53, which a `Double`
    /// (the review's arithmetic) cannot hold exactly, in the day, week and experiment entries it
    /// computes with (the keys of their kind's schema). Each names its file and line, so the review can refuse rather than round silently.
    public static func inexactNumbers(in notes: [Note]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for note in notes where [.day, .week, .experiment].contains(note.kind) {
            // Only the keys of the kind's schema are computed with; a key of the user's own (a
            // tweet id, say) is never read by the review and must not block it.
            let schema = KindSchema.forKind(note.kind)
            for entry in note.frontMatter?.entries ?? [] where schema.fields[entry.key] != nil {
                let scalars = entry.value.list?.compactMap(\.scalar) ?? entry.value.scalar.map { [$0] } ?? []
                guard let digits = scalars.lazy.compactMap(inexactDigits).first else { continue }
                found.append(Diagnostic(path: note.path, line: note.line(ofKey: entry.key) ?? 0,
                                        message: "'\(entry.key)' is \(digits), a whole number too large for the review to compute with exactly (beyond 2^53)",
                                        hint: "correct the value; the review rounds nothing"))
            }
        }
        return found
    }

    /// The digits of an integer beyond 2^53, nil for anything else.
    private static func inexactDigits(_ scalar: YAMLScalar) -> String? {
        guard let digits = scalar.integerDigits else { return nil }
        if let value = scalar.int, value.magnitude <= 1 << 53 { return nil }
        return digits
    }
}

import NoteKit

/// Reads values typed on the command line (`energy=2`, `tags=[a, b]`, `bedtime=23:30`) the way
/// YAML's core schema reads them, then checks them against the entry's kind.
public enum FieldValue {
    /// The YAML value for `text` as given for `key` on an entry of `kind`.
    ///
    /// - Throws: ``JournalError/invalidValue(key:value:reason:)`` when the kind's schema refuses it.
    public static func parse(_ text: String, key: String, kind: NoteKind) throws(JournalError) -> YAMLValue {
        var value = YAMLValue(inlineYAML: text)
        let type = KindSchema.forKind(kind).fields[key]
        // A text field keeps what was typed as text, so `title=2026` stays the string "2026".
        if case .text? = type, let scalar = value.scalar, scalar.style == .plain, !scalar.isNull,
           scalar.bool != nil || scalar.double != nil {
            value = .string(scalar.text)
        }
        if let type, let problem = type.problem(with: value) {
            throw JournalError.invalidValue(key: key, value: text, reason: problem)
        }
        return value
    }
}

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
        // A number typed with leading zeros (`energy=03`) is written in its canonical form, so
        // every YAML reader takes it for the number the key expects.
        if let scalar = value.scalar, scalar.style == .plain, hasLeadingZero(scalar.text) {
            switch type {
            case .integer?: if let int = scalar.int { value = .plain(String(int)) }
            case .number?:
                if let int = scalar.int { value = .plain(String(int)) } else if let double = scalar.double, double.isFinite { value = .plain(String(double)) }
            default: break
            }
        }
        if let type, let problem = type.problem(with: value) {
            throw JournalError.invalidValue(key: key, value: text, reason: problem)
        }
        return value
    }

    /// `03`, `-07.5`: digits after a leading zero, which YAML 1.1 readers take for octal.
    private static func hasLeadingZero(_ text: String) -> Bool {
        let digits = text.drop { $0 == "-" || $0 == "+" }
        return digits.count > 1 && digits.first == "0" && digits.dropFirst().first?.isNumber == true
    }
}

import NoteKit

/// Reads values typed on the command line (`energy=2`, `tags=[a, b]`, `bedtime=23:30`) the way
/// YAML's core schema reads them, then checks them against the entry's kind.
public enum FieldValue {
    /// The YAML value for `text` as given for `key` on an entry of `kind`.
    ///
    /// A list key takes comma-separated items as its list (`tags=work,gym` is `[work, gym]`).
    /// Text that opens a list or map without closing it (`tags=[work, gym`) is refused rather
    /// than kept as the string it would otherwise be.
    ///
    /// - Throws: ``JournalError/invalidValue(key:value:reason:)`` when the kind's schema refuses
    ///   it, ``JournalError/invalidList(key:value:reason:listKey:)`` for a list YAML cannot read.
    public static func parse(_ text: String, key: String, kind: NoteKind) throws(JournalError) -> YAMLValue {
        var value = YAMLValue(inlineYAML: text)
        let type = KindSchema.forKind(kind).fields[key]
        let isListKey: Bool
        if case .list? = type { isListKey = true } else { isListKey = false }
        let opened = text.first { $0 != " " && $0 != "\t" }
        if (opened == "[" || opened == "{"), value.scalar != nil {
            let closer: Character = opened == "[" ? "]" : "}"
            let what = opened == "[" ? "list" : "map"
            let reason = text.contains(closer) ? "not a \(what) YAML can read" : "the \(what) is not closed (no '\(closer)')"
            throw JournalError.invalidList(key: key, value: text, reason: reason, listKey: isListKey)
        }
        if isListKey, let scalar = value.scalar, !scalar.isNull {
            // `tags=work,gym` or `tags=work`: the items of the list the key holds.
            let items = YAMLValue(inlineYAML: "[" + text + "]")
            guard items.list != nil else {
                throw JournalError.invalidList(key: key, value: text, reason: "not a list YAML can read", listKey: true)
            }
            value = items
        }
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

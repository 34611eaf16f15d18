import NoteKit

/// Which front-matter keys hearth writes from the command line: names YAML reads as themselves
/// without quotes, so every tool (Obsidian, PyYAML, grep) agrees on them.
public enum KeyName {
    /// Why `key` cannot be written as a plain key, or nil when it can. The reason names the first
    /// character (or the word) that is the trouble and offers a spelling that works.
    public static func problem(with key: String) -> String? {
        guard let first = key.first else { return "a key needs at least one letter" }
        if let bad = key.first(where: { !isAllowed($0) }) ?? (isAllowedFirst(first) ? nil : first) {
            let fixed = String(key.map { isAllowed($0) ? $0 : "_" }.drop { !isAllowedFirst($0) })
            let example = fixed.isEmpty || fixed == key ? "" : ", e.g. \(fixed)"
            let position = bad == first && isAllowed(bad) ? " at the start" : ""
            return "\(describe(bad))\(position) would need quotes in YAML; use letters, digits, _ and -\(example)"
        }
        let scalar = YAMLScalar(key)
        let meaning: String?
        if scalar.isNull { meaning = "null" }
        else if scalar.bool != nil || yaml11Booleans.contains(key.lowercased()) { meaning = "a boolean" }
        else if scalar.double != nil { meaning = "a number" }
        else { meaning = nil }
        if let meaning { return "YAML reads '\(key)' as \(meaning), not a name; choose a word" }
        return nil
    }

    /// Words YAML 1.1 readers (Obsidian's, PyYAML) take for booleans.
    private static let yaml11Booleans: Set<String> = ["y", "n", "yes", "no", "on", "off"]

    private static func isAllowed(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }

    /// `-x` and `.x` read as plain YAML but look like a list item or a hidden name.
    private static func isAllowedFirst(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func describe(_ character: Character) -> String {
        switch character {
        case " ": return "' ' (a space)"
        case "\t": return "a tab"
        default:
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "a control character (U+" + String(character.unicodeScalars.first!.value, radix: 16, uppercase: true) + ")"
            }
            return "'\(character)'"
        }
    }
}

import NoteKit

/// Maps entries of jrnl's JSON export (`jrnl --export json`) to ``ImportedEntry`` values.
///
/// jrnl splits each entry into `title` (its first sentence) and `body` (the rest), with `date`
/// `YYYY-MM-DD`, `time` `HH:MM` (the local time jrnl recorded), `tags` such as `@work`, and `starred`.
/// The title loses the `@` of its tags (they become `tags:`); the body stays as jrnl wrote it.
enum ImportJrnl {
    /// One entry; throws naming the field that is missing or malformed.
    static func entry(_ fields: ImportFields) throws(ImportError) -> ImportedEntry {
        let dateText = try fields.string("date")
        guard let date = LocalDate(dateText) else {
            throw fields.problem("date", "is '\(dateText)', not a date like 2024-01-05")
        }
        let time = try fields.string("time")
        guard isClockTime(time) else { throw fields.problem("time", "is '\(time)', not a time like 09:12") }
        let title = try fields.string("title")
        let body = try fields.string("body")
        let (cleanTitle, titleTags) = untagged(title)
        let tags = try fields.strings("tags").map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 } + titleTags
        let starred = try fields.bool("starred")
        return ImportedEntry(source: .jrnl, sourceID: sourceID(date: dateText, time: time, title: title, body: body),
                             date: date, time: time, title: cleanTitle, tags: tags, starred: starred,
                             text: text(title: cleanTitle, body: body))
    }

    /// The title with jrnl's `@` taken off its tags (`Met @alice about @project` reads
    /// `Met alice about project`: the words stay, as the sentence needs them), and those tags.
    ///
    /// A tag is `@` at the start of a word followed by letters, digits, `_` or `-`, as jrnl
    /// finds them; an address like `ana@example.org` has its `@` inside a word and stays as it is.
    static func untagged(_ title: String) -> (title: String, tags: [String]) {
        var out = ""
        var tags: [String] = []
        var current: String?
        var previous: Character?
        for character in title {
            if let tag = current {
                if isTagCharacter(character) {
                    current = tag + String(character)
                    out.append(character)
                    previous = character
                    continue
                }
                if !tag.isEmpty { tags.append(tag) } else { out.append("@") }
                current = nil
            }
            if character == "@", previous.map({ !isTagCharacter($0) && $0 != "@" }) ?? true {
                current = ""
            } else {
                out.append(character)
            }
            previous = character
        }
        if let tag = current {
            if tag.isEmpty { out.append("@") } else { tags.append(tag) }
        }
        return (out, tags)
    }

    private static func isTagCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    /// jrnl has no entry ids, so the id is a fingerprint of what identifies an entry to its writer.
    /// Tags and the star are left out: they are derived from the text or change without making a new entry.
    static func sourceID(date: String, time: String, title: String, body: String) -> String {
        ImportFingerprint.hex([date, time, title, body])
    }

    /// The note body: the title as a heading (as hearth's note template and Day One have it), then jrnl's body.
    static func text(title: String, body: String) -> String {
        if title.isEmpty { return body }
        return body.isEmpty ? "# \(title)\n" : "# \(title)\n\n\(body)"
    }

    /// `HH:MM` with a real hour and minute.
    static func isClockTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return false }
        let digits = [bytes[0], bytes[1], bytes[3], bytes[4]].map { Int($0) - 48 }
        guard digits.allSatisfy((0...9).contains) else { return false }
        return digits[0] * 10 + digits[1] < 24 && digits[2] * 10 + digits[3] < 60
    }
}

import Foundation
import NoteKit

/// The front-matter scanner and writer. Input: an entry, then optionally (after 0x1E) the key to
/// set, its value, and list items one per line. A file that parses must read back byte for
/// byte; after `set` it must parse again, the key must hold the new value, every other key its
/// old one, and every line outside the key's lines (and the body) must be unchanged; or `set`
/// refuses cleanly and changes nothing.
enum FrontMatterFuzz {
    static let path = "days/2026/2026-11-22.md"

    static func check(_ data: Data) throws(FuzzFailure) {
        let parts = FuzzInput.parts(of: data)
        // Refusing the file (not UTF-8, unclosed, not YAML) is a clean answer.
        guard let note = try? Note(parsing: parts[0], path: path) else { return }
        guard Data(note.text.utf8) == parts[0] else {
            throw FuzzFailure("an unedited note does not write back its bytes:\n\(note.text.debugDescription)")
        }
        let keys = (note.frontMatter?.keys ?? [])
        let named = parts.count > 1 ? FuzzInput.text(parts[1]) ?? "" : ""
        let key = named.isEmpty ? keys.first ?? "mood" : named
        let valueText = parts.count > 2 ? FuzzInput.text(parts[2]) ?? "fuzzed" : "fuzzed"
        var values: [YAMLValue] = [.plain(valueText), .string(valueText)]
        if parts.count > 3, let items = FuzzInput.text(parts[3]) {
            values.append(.list(items.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }))
        }
        for value in values {
            try checkSet(note, key: key, value: value)
        }
    }

    private static func checkSet(_ note: Note, key: String, value: YAMLValue) throws(FuzzFailure) {
        var edited = note
        edited.set(key, to: value)
        let text = edited.text
        // A clean refusal (an alias names an anchor on the key's lines) changes nothing.
        if edited.frontMatter?.refusedEdit != nil {
            guard text == note.text else {
                throw FuzzFailure("set \(key.debugDescription) was refused but changed the file:\n\(text.debugDescription)")
            }
            return
        }
        let reread: Note
        do {
            reread = try Note(parsing: text, path: path)
        } catch {
            throw FuzzFailure("set \(key.debugDescription) to \(value) wrote a file that does not parse (\(error)):\n\(text.debugDescription)")
        }
        // Plain text a YAML 1.1 reader would take otherwise (`007`) is written quoted, keeping
        // the text as typed (YAMLWriter: callers make numbers canonical first).
        let keptAsText = value.scalar.map { written in
            written.style == .plain && reread[key]?.scalar.map { $0.style != .plain && $0.text == written.text } == true
        } ?? false
        guard reread[key]?.jsonObject == value.jsonObject || keptAsText else {
            throw FuzzFailure("set \(key.debugDescription) to \(value) reads back as \(String(describing: reread[key])):\n\(text.debugDescription)")
        }
        let before = note.frontMatter?.lines ?? []
        let after = reread.frontMatter?.lines ?? []
        var expectedKeys = (note.frontMatter?.keys ?? [])
        if !expectedKeys.contains(key) { expectedKeys.append(key) }
        guard (reread.frontMatter?.keys ?? []) == expectedKeys else {
            throw FuzzFailure("set \(key.debugDescription) changed the keys from \((note.frontMatter?.keys ?? [])) to \((reread.frontMatter?.keys ?? [])):\n\(text.debugDescription)")
        }
        for other in (note.frontMatter?.keys ?? []) where other != key && reread[other]?.jsonObject != note[other]?.jsonObject {
            throw FuzzFailure("set \(key.debugDescription) changed \(other.debugDescription) from \(String(describing: note[other])) to \(String(describing: reread[other])):\n\(text.debugDescription)")
        }
        guard reread.body == note.body else {
            throw FuzzFailure("set \(key.debugDescription) changed the body:\n\(text.debugDescription)")
        }
        if let entry = note.frontMatter?.entry(key) {
            let tail = before.count - entry.lines.upperBound
            guard after.count >= entry.lines.lowerBound + tail,
                  after.prefix(entry.lines.lowerBound) == before.prefix(entry.lines.lowerBound),
                  after.suffix(tail) == before.suffix(tail) else {
                throw FuzzFailure("set \(key.debugDescription) changed lines outside its own:\n\(text.debugDescription)")
            }
        } else if let last = before.last {
            // A new key is appended; the last line may gain the terminator it lacked.
            guard after.count > before.count, after.prefix(before.count - 1) == before.dropLast(),
                  after[before.count - 1].utf8.starts(with: last.utf8) else {
                throw FuzzFailure("adding \(key.debugDescription) changed the lines before it:\n\(text.debugDescription)")
            }
        }
    }
}

import Foundation
import NoteKit

/// The comments of one front-matter key that both sides changed, kept when the merge takes its
/// lines from one side (or writes them anew): a comment is text like any other, so one that a
/// side added survives next to its key whichever value wins (merge.md).
///
/// The key line's trailing comment merges three-way; when both sides changed it differently the
/// one on the merged line stays and the other becomes a comment line above the key. A comment
/// both sides kept, or one a side added, further down (on a list item, above one, after the last) goes back where that side
/// put it, next to the same item; one whose item is gone, or that cannot go back without changing
/// the value, becomes a comment line above the key. Only comments are added, never a value.
struct KeyComments {
    /// The key in the base, nil when it was not there.
    var base: KeyBlock?
    /// The key on the first side, nil when that side has no such key.
    var first: KeyBlock?
    /// The key on the second side.
    var second: KeyBlock?
    /// The terminator of lines this adds.
    var newline: String

    /// The merged `entry` (empty when the key is gone) with the comments it lacks, and the
    /// comment lines to write above it. `besides` are lines already written above it (its merged
    /// comment lines), whose comments count as kept.
    func keep(in entry: [String], besides: [String]) -> (above: [String], entry: [String]) {
        var above: [String] = []
        var result = entry
        if !entry.isEmpty {
            result[0] = FrontMatterComment.replacingTrailing(of: entry[0], with: keyLineComment(on: entry[0], orphan: &above))
        }
        var present = KeyComments.counts(besides + above + result)
        let inBase = KeyComments.counts(base?.entry ?? [])
        var placed: [String] = []
        for (side, other) in [(first, second), (second, first)] {
            guard let side else { continue }
            // A comment both sides kept is kept too when the merge writes the key's lines anew
            // (a nested map, a list of maps); one a side removed stays removed.
            let inOther = other.map { KeyComments.counts($0.entry) } ?? [:]
            var seen: [String: Int] = [:]
            // Past a scalar's first line (a block or multi-line scalar) a `#` is text, not a comment.
            // Under a value whole on its key's line, though, `#` lines are comments.
            let lines = side.value.scalar == nil || FrontMatterComment.onlyCommentsUnderKeyLine(side.entry, value: side.value) ? side.entry : [side.entry[0]]
            for (index, raw) in lines.enumerated() where index > 0 || entry.isEmpty {
                guard let text = KeyComments.text(of: raw) else { continue }
                seen[text, default: 0] += 1
                let added = seen[text]! > inBase[text, default: 0]
                guard added || seen[text]! <= inOther[text, default: 0], seen[text]! > present[text, default: 0] else { continue }
                present[text, default: 0] += 1
                if place(raw, at: index, of: side.entry, in: &result) {
                    placed.append(text)
                } else {
                    above.append(commentLine(text))
                }
            }
        }
        if result != entry, !KeyComments.sameValue(result, entry) {
            // Putting them back would change what the key says: they go above it instead.
            if let comment = FrontMatterComment.trailing(of: result[0]), comment != FrontMatterComment.trailing(of: entry[0]) {
                above.append(commentLine(KeyComments.plain(comment)))
            }
            above += placed.map(commentLine)
            result = entry
        }
        return (above, result)
    }

    /// The key line's merged trailing comment, three-way; a side without the key leaves it as it
    /// was in the base. When both sides changed it, the other one goes to `above`.
    private func keyLineComment(on line: String, orphan above: inout [String]) -> String? {
        let comment = { (block: KeyBlock?) in block.flatMap { FrontMatterComment.trailing(of: $0.entry[0]) } }
        let inBase = comment(base)
        let onFirst = first == nil ? inBase : comment(first)
        let onSecond = second == nil ? inBase : comment(second)
        if onFirst == inBase || onFirst == onSecond { return onSecond }
        if onSecond == inBase { return onFirst }
        // A removal gives way to a change; of two changes the line keeps the one it has.
        let current = FrontMatterComment.trailing(of: line)
        let merged = onFirst == nil ? onSecond : (onSecond == nil || current == onFirst ? onFirst : onSecond)
        if let other = merged == onFirst ? onSecond : onFirst { above.append(commentLine(KeyComments.plain(other))) }
        return merged
    }

    /// Puts the comment of `lines[index]` into `entry` next to the line it belongs to there:
    /// a comment line just above the same item (or after the last line, when it followed the
    /// last), a trailing comment on the same item's line (or on its own line above it, when
    /// that line has one already). False when the item is not in `entry`.
    private func place(_ raw: String, at index: Int, of lines: [String], in entry: inout [String]) -> Bool {
        guard !entry.isEmpty, index > 0 else { return false }
        if FrontMatterComment.isFullLine(raw) {
            guard let next = lines[(index + 1)...].first(where: KeyComments.isItem) else {
                entry.append(terminated(raw))
                return true
            }
            guard let target = KeyComments.line(KeyComments.itemText(next), in: entry) else { return false }
            entry.insert(terminated(raw), at: target)
            return true
        }
        guard let comment = FrontMatterComment.trailing(of: raw), let target = KeyComments.line(KeyComments.itemText(raw), in: entry) else { return false }
        if FrontMatterComment.trailing(of: entry[target]) == nil {
            entry[target] = FrontMatterComment.replacingTrailing(of: entry[target], with: comment)
        } else {
            let indent = entry[target].prefix { $0 == " " || $0 == "\t" }
            entry.insert(indent + KeyComments.plain(comment) + newline, at: target)
        }
        return true
    }

    /// The first line after the key line that says `item`.
    private static func line(_ item: String, in entry: [String]) -> Int? {
        entry.indices.dropFirst().first { isItem(entry[$0]) && itemText(entry[$0]) == item }
    }

    private func commentLine(_ text: String) -> String { text + newline }

    private func terminated(_ raw: String) -> String {
        TextLines.isTerminated(raw) ? raw : raw + newline
    }

    /// Whether both entries read as the same key with the same value.
    private static func sameValue(_ a: [String], _ b: [String]) -> Bool {
        guard let x = try? FrontMatter(lines: a), let y = try? FrontMatter(lines: b),
              x.entries.count == 1, y.entries.count == 1 else { return false }
        return x.entries[0].key == y.entries[0].key && FieldMerger.same(x.entries[0].value, y.entries[0].value)
    }

    /// The comment on a line (a full-line one or a trailing one), trimmed; nil when it has none.
    private static func text(of raw: String) -> String? {
        if FrontMatterComment.isFullLine(raw) { return plain(raw) }
        return FrontMatterComment.trailing(of: raw).map(plain)
    }

    /// How often each comment occurs in `lines`.
    private static func counts(_ lines: [String]) -> [String: Int] {
        lines.compactMap(text(of:)).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// A line that is neither blank nor a full-line comment.
    private static func isItem(_ raw: String) -> Bool {
        !plain(raw).isEmpty && !FrontMatterComment.isFullLine(raw)
    }

    /// A line's text without its trailing comment and indentation, to find the same item on
    /// another side whatever its indentation or comment.
    private static func itemText(_ raw: String) -> String {
        plain(FrontMatterComment.replacingTrailing(of: raw, with: nil))
    }

    /// Text without surrounding blanks and terminator.
    static func plain(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

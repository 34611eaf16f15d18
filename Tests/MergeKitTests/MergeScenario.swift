import Foundation
import NoteKit
import TestSupport

/// A random entry and two random line-based edits of it, with what each side inserted, for the
/// merge's property tests.
struct MergeScenario {
    /// One front-matter value in the model the generator edits.
    enum Value: Equatable {
        case scalar(String)
        case flow([String])
        case block([String])
    }

    /// An entry as keys and body lines (without terminators), with front-matter comments: a
    /// trailing one on a key's line, comment lines above a key, a trailing one on a block list
    /// item, comment lines above an item.
    struct Entry {
        var fields: [(key: String, value: Value)]
        var body: [String]
        var trailing: [String: String] = [:]
        var above: [String: [String]] = [:]
        var itemTrailing: [String: String] = [:]
        var itemAbove: [String: [String]] = [:]
    }

    var base: Entry
    var first: Entry
    var second: Entry
    var newline: String
    var finalNewline: Bool
    /// Body lines each side inserted (unique text).
    var firstInserted: [String] = []
    var secondInserted: [String] = []
    /// List items each side added (unique text).
    var firstItems: [String] = []
    var secondItems: [String] = []
    /// Front-matter comments each side added (unique text, `# a3 comment`).
    var firstComments: [String] = []
    var secondComments: [String] = []
    /// The key each of those comments was written on or above (comments on list items left out).
    var firstCommentKeys: [String: String] = [:]
    var secondCommentKeys: [String: String] = [:]

    init(random: inout SplitMix64, frontMatter: Bool = true) {
        newline = Int.random(in: 0..<4, using: &random) == 0 ? "\r\n" : "\n"
        finalNewline = Int.random(in: 0..<5, using: &random) != 0
        var fields: [(key: String, value: Value)] = []
        if frontMatter {
            fields = [("kind", .scalar("day")), ("date", .scalar("2026-11-22"))]
            for key in ["energy", "mood", "sleep_h", "work_h"] where Bool.random(using: &random) {
                fields.append((key, .scalar(String(Int.random(in: 1...5, using: &random)))))
            }
            fields.append(("tags", .flow(["work", "travel"].filter { _ in Bool.random(using: &random) })))
            if Bool.random(using: &random) {
                // Anywhere after the date: a key below a block list is where a comment written
                // above that key meets the other side's items.
                fields.insert(("symptoms", .block(["cough", "headache"])), at: Int.random(in: 2...fields.count, using: &random))
            }
        }
        let vocabulary = ["## Done", "## Log", "## Notes", "", "- item 1", "- item 2", "text"]
        let body = (0..<Int.random(in: 0...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
        base = Entry(fields: fields, body: body)
        if frontMatter, Bool.random(using: &random) { base.trailing["date"] = "# from the template" }
        if frontMatter, Bool.random(using: &random) { base.above["tags"] = ["# topics"] }
        first = base
        second = base
        var counter = 0
        for side in ["a", "b"] {
            var entry = base
            var inserted: [String] = []
            var items: [String] = []
            var comments: [String] = []
            var commentKeys: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                counter += 1
                let token = "\(side)\(counter)"
                let comment = "# \(token) comment"
                switch Int.random(in: 0..<(frontMatter ? 13 : 10), using: &random) {
                case 10:
                    // A trailing comment on a key's line, replacing the one it had.
                    if let key = entry.fields.randomElement(using: &random)?.key {
                        entry.trailing[key] = comment
                        comments.append(comment)
                        commentKeys[comment] = key
                    }
                case 11:
                    // A comment line above a key, under the ones there.
                    if let key = entry.fields.randomElement(using: &random)?.key {
                        entry.above[key, default: []].append(comment)
                        comments.append(comment)
                        commentKeys[comment] = key
                    }
                case 12:
                    // On a block list item, or on its own line above one.
                    let items = entry.fields.flatMap { field -> [String] in
                        if case .block(let list) = field.value { return list }
                        return []
                    }
                    if let item = items.randomElement(using: &random) {
                        if Bool.random(using: &random) {
                            entry.itemTrailing[item] = comment
                        } else {
                            entry.itemAbove[item, default: []].append(comment)
                        }
                        comments.append(comment)
                    }
                case 0...2:
                    let line = "- \(token) inserted"
                    entry.body.insert(line, at: Int.random(in: 0...entry.body.count, using: &random))
                    inserted.append(line)
                case 3, 4:
                    if !entry.body.isEmpty { entry.body.remove(at: Int.random(in: 0..<entry.body.count, using: &random)) }
                case 5:
                    if !entry.body.isEmpty {
                        let line = "\(token) replaced"
                        entry.body[Int.random(in: 0..<entry.body.count, using: &random)] = line
                        inserted.append(line)
                    }
                case 6:
                    let scalars = entry.fields.indices.filter {
                        if case .scalar = entry.fields[$0].value { return !["kind", "date"].contains(entry.fields[$0].key) }
                        return false
                    }
                    if let index = scalars.randomElement(using: &random) {
                        let values = ["", "~", "0", "1", "2", "3", "4", "5"]
                        entry.fields[index].value = .scalar(values.randomElement(using: &random)!)
                    }
                case 7:
                    let removable = entry.fields.indices.filter { !["kind", "date"].contains(entry.fields[$0].key) }
                    if let index = removable.randomElement(using: &random) { entry.fields.remove(at: index) }
                case 8:
                    if frontMatter { entry.fields.append(("n_\(token)", .scalar(String(counter)))) }
                default:
                    let lists = entry.fields.indices.filter { if case .scalar = entry.fields[$0].value { return false }; return true }
                    if let index = lists.randomElement(using: &random) {
                        switch entry.fields[index].value {
                        case .flow(var list):
                            if Bool.random(using: &random) || list.isEmpty { list.append(token); items.append(token) } else { list.removeFirst() }
                            entry.fields[index].value = .flow(list)
                        case .block(var list):
                            if Bool.random(using: &random) || list.isEmpty { list.append(token); items.append(token) } else { list.removeLast() }
                            entry.fields[index].value = .block(list)
                        case .scalar: break
                        }
                    }
                }
            }
            // A later edit of the same side may have removed what an earlier one added.
            let lists = entry.fields.flatMap { field -> [String] in
                switch field.value {
                case .flow(let list), .block(let list): return list
                case .scalar: return []
                }
            }
            inserted = inserted.filter(entry.body.contains)
            items = items.filter(lists.contains)
            // A comment goes with its key or item, and a later comment may have replaced it.
            let written = text(entry)
            comments = comments.filter(written.contains)
            commentKeys = commentKeys.filter { written.contains($0.key) }
            if side == "a" {
                first = entry
                firstInserted = inserted
                firstItems = items
                firstComments = comments
                firstCommentKeys = commentKeys
            } else {
                second = entry
                secondInserted = inserted
                secondItems = items
                secondComments = comments
                secondCommentKeys = commentKeys
            }
        }
    }

    /// The entry as file bytes.
    func data(_ entry: Entry) -> Data { Data(text(entry).utf8) }

    func text(_ entry: Entry) -> String {
        var out = ""
        if !entry.fields.isEmpty || !base.fields.isEmpty {
            out += "---" + newline
            for (key, value) in entry.fields {
                out += (entry.above[key] ?? []).map { $0 + newline }.joined()
                let comment = entry.trailing[key].map { "  " + $0 } ?? ""
                switch value {
                case .scalar(let text): out += key + ":" + (text.isEmpty ? "" : " " + text) + comment + newline
                case .flow(let items): out += key + ": [" + items.joined(separator: ", ") + "]" + comment + newline
                case .block(let items):
                    // An empty block list would read as null, so it is written as a flow list.
                    out += items.isEmpty ? key + ": []" + comment + newline : key + ":" + comment + newline + items.map { item in
                        (entry.itemAbove[item] ?? []).map { "  " + $0 + newline }.joined()
                            + "  - " + item + (entry.itemTrailing[item].map { " " + $0 } ?? "") + newline
                    }.joined()
                }
            }
            out += "---" + newline
        }
        out += entry.body.map { $0 + newline }.joined()
        // An empty last line without its terminator would be no line at all.
        if !finalNewline, out.hasSuffix(newline), let last = entry.body.last, !last.isEmpty {
            out.removeLast()  // "\r\n" is one Character, so this drops the whole terminator
        }
        return out
    }
}

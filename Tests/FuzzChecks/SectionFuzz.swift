import Foundation
import MergeKit
import NoteKit

/// The section splitter, through what it serves. Input: a base body and a side's body (0x1E
/// between). The section-aware merge must give the side's body exactly when only that side
/// changed the body, and when both made the same change (the other side changes a front-matter
/// key, so the merge does run). Appending an item to the first section must leave every other
/// line in place, and reading that section's items must find it.
enum SectionFuzz {
    static let item = "fuzzed item"

    static func check(_ data: Data) throws(FuzzFailure) {
        let parts = FuzzInput.parts(of: data)
        // One line ending: a CRLF body beside an LF one is a change of every line.
        guard let baseBody = FuzzInput.text(parts[0])?.replacingOccurrences(of: "\r", with: "") else { return }
        let sideBody = parts.count > 1 ? FuzzInput.text(parts[1])?.replacingOccurrences(of: "\r", with: "") ?? baseBody : baseBody
        try checkAppending(to: baseBody)
        // A body the fences would swallow is not a body.
        guard let base = entry(baseBody, fuzz: 1), let side = entry(sideBody, fuzz: 1),
              let baseChanged = entry(baseBody, fuzz: 2), let sideChanged = entry(sideBody, fuzz: 2) else { return }
        let cases: [(name: String, first: Data, second: Data)] = [
            ("the second side changed the body", baseChanged, side),
            ("the first side changed the body", side, baseChanged),
            ("both sides changed the body alike", sideChanged, side),
        ]
        for (name, first, second) in cases {
            let result = EntryMergeFuzz.merge(base: base, first: first, second: second)
            guard let merged = result.merged, let note = try? Note(parsing: merged, path: EntryMergeFuzz.path) else {
                throw FuzzFailure("\(name): the merge does not parse:\n\(String(decoding: result.merged ?? Data(), as: UTF8.self).debugDescription)")
            }
            guard note.body == sideBody, result.conflicts.isEmpty else {
                throw FuzzFailure("\(name): the merged body is not the side's (\(result.conflicts.count) conflicts)\nbase: \(baseBody.debugDescription)\nside: \(sideBody.debugDescription)\nmerged: \(note.body.debugDescription)")
            }
        }
    }

    /// An entry with front-matter `fuzz: <value>` and `body`, nil when the body would not read back as the body.
    private static func entry(_ body: String, fuzz: Int) -> Data? {
        let text = "---\nfuzz: \(fuzz)\n---\n" + body
        // Parsed from bytes, as the merge reads them (a NUL makes a file binary).
        guard let note = try? Note(parsing: Data(text.utf8), path: EntryMergeFuzz.path), note.body == body else { return nil }
        return Data(text.utf8)
    }

    private static func checkAppending(to body: String) throws(FuzzFailure) {
        let lines = TextLines.split(body)
        let headings = MarkdownHeading.headings(in: lines)
        let heading = zip(lines, headings).first { $0.1 != nil }.map { String(TextLines.content($0.0)).trimmingCharacters(in: .whitespaces) } ?? "## Done"
        let appended = MarkdownSection.appending("- " + item, toSection: heading, in: body)
        // After a fence that is never closed everything is code: quick logging refuses such a
        // body (`DayLog`, `JournalError.unclosedCodeFence`), so only the line check applies.
        let fenceOpen = MarkdownSection.unclosedFenceLine(in: body) != nil
        guard fenceOpen || MarkdownSection.items(inSection: heading, of: appended).contains(item) else {
            throw FuzzFailure("an item appended to \(heading.debugDescription) is not among its items:\n\(appended.debugDescription)")
        }
        // Every old line is still there, in order, each with its own bytes (a last line may gain a terminator).
        let old = FuzzInput.contents(of: body)
        var new = FuzzInput.contents(of: appended)[...]
        for line in old {
            guard let found = new.firstIndex(of: line) else {
                throw FuzzFailure("appending to \(heading.debugDescription) lost or moved the line \(String(line).debugDescription):\n\(appended.debugDescription)")
            }
            new = new[(found + 1)...]
        }
    }
}

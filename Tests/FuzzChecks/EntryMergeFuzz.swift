import Foundation
import MergeKit
import NoteKit

/// The entry merge. Input: base, first and second separated by 0x1E (two parts: no base). The
/// merge must not crash, must give the same result twice, must keep every body line a side
/// inserted (in the file, in a copy beside it, or in a conflict), and its file must parse when
/// the three versions did.
enum EntryMergeFuzz {
    static let path = "days/2026/2026-11-22.md"
    static let firstSide = MergeSide(device: "laptop", time: Date(timeIntervalSince1970: 1_795_000_000))
    static let secondSide = MergeSide(device: "phone", time: Date(timeIntervalSince1970: 1_795_000_600))

    static func check(_ data: Data) throws(FuzzFailure) {
        let parts = FuzzInput.parts(of: data)
        guard parts.count >= 2 else { return }
        let base: Data? = parts.count >= 3 ? parts[0] : nil
        let first = parts[parts.count >= 3 ? 1 : 0]
        let second = parts[parts.count >= 3 ? 2 : 1]
        let result = merge(base: base, first: first, second: second)
        guard merge(base: base, first: first, second: second) == result else {
            throw FuzzFailure("the same three versions merged twice gave different results")
        }
        guard let merged = result.merged else { throw FuzzFailure("two versions merged into a deletion") }
        let inputs = [base, first, second].compactMap { $0 }
        let parsed = inputs.allSatisfy { (try? Note(parsing: $0, path: path)) != nil }
        if parsed {
            do {
                _ = try Note(parsing: merged, path: path)
            } catch {
                throw FuzzFailure("three entries that parse merged into one that does not (\(error)):\n\(String(decoding: merged, as: UTF8.self).debugDescription)")
            }
        }
        try checkInsertedLines(base: base, sides: [first, second], result: result)
    }

    static func merge(base: Data?, first: Data, second: Data) -> EntryMergeResult {
        EntryMerger.merge(path: path, base: base, first: first, second: second, firstSide: firstSide, secondSide: secondSide)
    }

    /// Each body line a side has and the base lacks (by content, ignoring line endings) is in the
    /// result somewhere: the merged file, a copy kept beside it, or a conflict's recorded value.
    private static func checkInsertedLines(base: Data?, sides: [Data], result: EntryMergeResult) throws(FuzzFailure) {
        guard let merged = result.merged, let mergedText = FuzzInput.text(merged) else { return }
        let baseText = base.map { FuzzInput.text($0) ?? "" } ?? ""
        let baseLines = Set(FuzzInput.contents(of: baseText))
        let kept = [mergedText] + result.extraFiles.map { String(decoding: $0.data, as: UTF8.self) }
            + result.conflicts.flatMap { [$0.first.value, $0.second.value] }
        // A heading is matched by level and title, so a side's respelling of one (`##  Done  `
        // for `## Done ##`) is the same section and either spelling may stay; a respelling of a
        // base heading is no insertion either (a rename on the other side wins over it).
        let keptHeadings = Set(kept.flatMap { MarkdownHeading.headings(in: TextLines.split($0)).compactMap { $0 } })
            .union(MarkdownHeading.headings(in: TextLines.split(baseText)).compactMap { $0 })
        for side in sides {
            guard let text = FuzzInput.text(side) else { continue }
            // The body only: front-matter lines are merged key by key, and a key's line may be
            // rewritten (its comment's survival is checked by MergeKit's own tests).
            let body = (try? Note(parsing: text, path: path))?.body ?? text
            let lines = TextLines.split(body)
            for (raw, heading) in zip(lines, MarkdownHeading.headings(in: lines)) {
                let line = TextLines.content(raw)
                guard !baseLines.contains(line) else { continue }
                if let heading, keptHeadings.contains(heading) { continue }
                let content = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !content.isEmpty, !content.contains("hearth:conflict") else { continue }
                guard kept.contains(where: { FuzzInput.bytes($0, contain: content) }) else {
                    throw FuzzFailure("the line \(String(line).debugDescription) one side inserted is not in the merge:\n\(mergedText.debugDescription)")
                }
            }
        }
    }
}

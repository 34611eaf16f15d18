import Foundation
import NoteKit

/// The entry-aware three-way merge of one file (merge.md): front-matter per key, body per
/// section and line (`SectionMerger`), one line ending, whole-file rules for deletions and for
/// files it cannot interpret.
///
/// Pure: no git, no I/O. Every decision depends only on the three versions and the two sides,
/// which the caller orders canonically, so two devices merging the same histories get the same bytes.
public enum EntryMerger {
    /// Three-way merge of one file. `base` nil = no common version (added on both sides);
    /// `first`/`second` nil = deleted on that side. Deterministic: same inputs -> same bytes.
    public static func merge(path: String, base: Data?, first: Data?, second: Data?,
                             firstSide: MergeSide, secondSide: MergeSide) -> EntryMergeResult {
        let context = Context(path: path, firstSide: firstSide, secondSide: secondSide)
        switch (first, second) {
        case (nil, nil):
            return EntryMergeResult(merged: nil)
        case (let first?, nil):
            guard let base else { return EntryMergeResult(merged: first) }
            if first == base { return EntryMergeResult(merged: nil) }
            return EntryMergeResult(merged: first, conflicts: [context.deletion(deleterIsFirst: false, edit: EditSummary.of(base: base, edited: first))])
        case (nil, let second?):
            guard let base else { return EntryMergeResult(merged: second) }
            if second == base { return EntryMergeResult(merged: nil) }
            return EntryMergeResult(merged: second, conflicts: [context.deletion(deleterIsFirst: true, edit: EditSummary.of(base: base, edited: second))])
        case (let first?, let second?):
            if first == second || base == first { return EntryMergeResult(merged: second) }
            if base == second { return EntryMergeResult(merged: first) }
            if path.lowercased().hasSuffix(".md") {
                return context.mergeEntry(base: base, first: first, second: second)
            }
            return context.mergeText(base: base, first: first, second: second)
        }
    }

    /// Where a side's version goes when it cannot stay at `path`: `days/2026/2026-11-22.md` ->
    /// `days/2026/2026-11-22.conflict-laptop.md`.
    package static func conflictPath(for path: String, device: String) -> String {
        Context.conflictPath(for: path, device: device)
    }

    /// The path, sides and helpers one merge shares.
    private struct Context {
        var path: String
        var firstSide: MergeSide
        var secondSide: MergeSide

        /// Body-only merge of a text file that is not an entry (`hearth.yaml`, `.gitignore`).
        func mergeText(base: Data?, first: Data, second: Data) -> EntryMergeResult {
            guard let texts = Context.texts(base: base, first: first, second: second) else {
                return fileConflict(first: first, second: second)
            }
            let merger = LineMerger(path: path, firstSide: firstSide, secondSide: secondSide, newline: texts.newline)
            let result = texts.base.map {
                merger.merge(base: TextLines.split($0), first: TextLines.split(texts.first), second: TextLines.split(texts.second))
            } ?? merger.mergeWithoutBase(first: TextLines.split(texts.first), second: TextLines.split(texts.second))
            return EntryMergeResult(merged: Data(result.lines.joined().utf8), conflicts: result.conflicts)
        }

        /// Front-matter per key and body per section and line; anything unreadable becomes a
        /// file conflict.
        func mergeEntry(base: Data?, first: Data, second: Data) -> EntryMergeResult {
            guard let texts = Context.texts(base: base, first: first, second: second),
                  let firstParts = parse(texts.first), let secondParts = parse(texts.second) else {
                return fileConflict(first: first, second: second)
            }
            var baseParts: EntryParts?
            if let baseText = texts.base {
                guard let parsed = parse(baseText) else { return fileConflict(first: first, second: second) }
                baseParts = parsed
            }
            let newline = texts.newline
            let prefix = Context.pick(base: baseParts?.prefix, first: firstParts.prefix, second: secondParts.prefix)
            var fences = Context.pick(base: baseParts?.fences, first: firstParts.fences, second: secondParts.fences)

            let frontMatter = FrontMatterMerger(path: path, firstSide: firstSide, secondSide: secondSide)
                .merge(base: baseParts?.frontMatter, first: firstParts.frontMatter, second: secondParts.frontMatter)
            let sections = SectionMerger(lineMerger: LineMerger(path: path, firstSide: firstSide, secondSide: secondSide, newline: newline))
            let body = sections.merge(base: baseParts.map { TextLines.split($0.body) },
                                      first: TextLines.split(firstParts.body), second: TextLines.split(secondParts.body))

            if !frontMatter.lines.isEmpty && fences == nil {
                fences = EntryParts.Fences(opening: "---" + newline, closing: "---" + newline)
            }
            let bodyText = body.lines.joined()
            if var closing = fences?.closing, !bodyText.isEmpty, !TextLines.isTerminated(closing) {
                closing += newline
                fences?.closing = closing
            }
            let text: String
            if let fences {
                text = prefix + fences.opening + frontMatter.lines.joined() + fences.closing + bodyText
            } else {
                text = prefix + bodyText
            }
            // The promise is that every entry still parses; a merge that cannot keep it (it
            // should never happen) falls back to keeping both files untouched.
            guard let check = try? Note(parsing: text, path: path), check.body == bodyText,
                  (check.frontMatter?.lines ?? []) == frontMatter.lines,
                  (check.frontMatter == nil) == (fences == nil) else {
                return fileConflict(first: first, second: second)
            }
            return EntryMergeResult(merged: Data(text.utf8), conflicts: frontMatter.conflicts + body.conflicts)
        }

        /// The entry's parts, nil for front-matter that does not parse.
        private func parse(_ text: String) -> EntryParts? {
            guard let note = try? Note(parsing: text, path: path) else { return nil }
            return EntryParts(note)
        }

        /// Second's bytes stay at the path, first's go beside it, untouched.
        func fileConflict(first: Data, second: Data) -> EntryMergeResult {
            let besidePath = Context.conflictPath(for: path, device: firstSide.device)
            let conflict = MergeConflict.file(at: path, copy: besidePath, first: firstSide, second: secondSide, firstStays: false)
            return EntryMergeResult(merged: second, extraFiles: [ExtraFile(path: besidePath, data: first)],
                                    conflicts: [conflict])
        }

        /// One side deleted the file the other modified; the modified file is kept. `edit` is the
        /// editing side's value: what it changed (see ``EditSummary``).
        func deletion(deleterIsFirst: Bool, edit: String) -> MergeConflict {
            MergeConflict(
                path: path, kind: .deleted,
                first: ConflictSide(device: firstSide.device, time: firstSide.time, value: deleterIsFirst ? "" : edit, deleted: deleterIsFirst),
                second: ConflictSide(device: secondSide.device, time: secondSide.time, value: deleterIsFirst ? edit : "", deleted: !deleterIsFirst),
                kept: deleterIsFirst ? secondSide.device : firstSide.device)
        }

        /// `days/2026/2026-11-22.md` -> `days/2026/2026-11-22.conflict-laptop.md`; a name without
        /// an extension (or a dot file) gets the suffix at its end.
        package static func conflictPath(for path: String, device: String) -> String {
            NotebookLayout.conflictCopyPath(of: path, label: device)
        }

        /// The three versions as text, every line break written with the one ending the merged
        /// file will use (`TextLines.mergedNewline(base:first:second:)`), so that a CRLF and an
        /// LF version of the same line are the same line; nil when one is not text.
        static func texts(base: Data?, first: Data, second: Data)
            -> (base: String?, first: String, second: String, newline: String)? {
            guard let first = TextLines.decode(first), let second = TextLines.decode(second) else { return nil }
            let baseText = base.flatMap(TextLines.decode)
            if base != nil && baseText == nil { return nil }
            let newline = TextLines.mergedNewline(base: baseText, first: first, second: second)
            return (baseText.map { TextLines.normalized($0, to: newline) }, TextLines.normalized(first, to: newline),
                    TextLines.normalized(second, to: newline), newline)
        }

        /// The three-way rule for a part with no finer structure: a side's change wins, second's
        /// when both changed it differently.
        static func pick<T: Equatable>(base: T?, first: T, second: T) -> T {
            if first == second || base.map({ $0 == first }) == true { return second }
            if base.map({ $0 == second }) == true { return first }
            return second
        }
    }
}

import Foundation
import NoteKit

/// The entry-aware three-way merge of one file (merge.md): front-matter per key, body per
/// line, whole-file rules for deletions and for files it cannot interpret.
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
    static func conflictPath(for path: String, device: String) -> String {
        Context.conflictPath(for: path, device: device)
    }

    /// The path, sides and helpers one merge shares.
    private struct Context {
        var path: String
        var firstSide: MergeSide
        var secondSide: MergeSide

        /// Body-only merge of a text file that is not an entry (`hearth.yaml`, `.gitignore`).
        func mergeText(base: Data?, first: Data, second: Data) -> EntryMergeResult {
            guard let firstText = Context.decode(first), let secondText = Context.decode(second) else {
                return fileConflict(first: first, second: second)
            }
            let baseText = base.flatMap(Context.decode)
            if base != nil && baseText == nil { return fileConflict(first: first, second: second) }
            let newline = [secondText, firstText, baseText ?? ""].lazy.compactMap(TextLines.newline(of:)).first ?? "\n"
            let merger = LineMerger(path: path, firstSide: firstSide, secondSide: secondSide, newline: newline)
            let result = baseText.map {
                merger.merge(base: TextLines.split($0), first: TextLines.split(firstText), second: TextLines.split(secondText))
            } ?? merger.mergeWithoutBase(first: TextLines.split(firstText), second: TextLines.split(secondText))
            return EntryMergeResult(merged: Data(result.lines.joined().utf8), conflicts: result.conflicts)
        }

        /// Front-matter per key and body per line; anything unreadable becomes a file conflict.
        func mergeEntry(base: Data?, first: Data, second: Data) -> EntryMergeResult {
            guard let firstParts = parse(first), let secondParts = parse(second) else {
                return fileConflict(first: first, second: second)
            }
            var baseParts: EntryParts?
            if let base {
                guard let parsed = parse(base) else { return fileConflict(first: first, second: second) }
                baseParts = parsed
            }
            let prefix = Context.pick(base: baseParts?.prefix, first: firstParts.prefix, second: secondParts.prefix)
            var fences = Context.pick(base: baseParts?.fences, first: firstParts.fences, second: secondParts.fences)
            let newline = fences.flatMap { TextLines.newline(of: $0.opening) }
                ?? [secondParts.text, firstParts.text, baseParts?.text ?? ""].lazy.compactMap(TextLines.newline(of:)).first
                ?? "\n"

            let frontMatter = FrontMatterMerger(path: path, firstSide: firstSide, secondSide: secondSide)
                .merge(base: baseParts?.frontMatter, first: firstParts.frontMatter, second: secondParts.frontMatter)
            let lines = LineMerger(path: path, firstSide: firstSide, secondSide: secondSide, newline: newline)
            let firstBody = TextLines.split(firstParts.body)
            let secondBody = TextLines.split(secondParts.body)
            let body = baseParts.map { lines.merge(base: TextLines.split($0.body), first: firstBody, second: secondBody) }
                ?? lines.mergeWithoutBase(first: firstBody, second: secondBody)

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

        /// The entry's parts, nil for binary data, invalid UTF-8 or front-matter that does not parse.
        private func parse(_ data: Data) -> EntryParts? {
            guard let note = try? Note(parsing: data, path: path) else { return nil }
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
        static func conflictPath(for path: String, device: String) -> String {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[...$0]) } ?? ""
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard let dot = name.lastIndex(of: "."), dot > name.startIndex else {
                return folder + name + ".conflict-" + device
            }
            return folder + name[..<dot] + ".conflict-" + device + name[dot...]
        }

        /// Text when the bytes are UTF-8 without a NUL byte (git's own binary test).
        static func decode(_ data: Data) -> String? {
            if data.contains(0) { return nil }
            return String(validating: data, as: UTF8.self)
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

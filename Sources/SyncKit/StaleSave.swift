import Foundation
import MergeKit
import NoteKit

/// Tells a save from an editor buffer loaded before a sync rewrote the file (a *stale save*)
/// from a save made after the user saw the synced text, and merges the stale one back.
///
/// Pure: no git, no I/O. `replaced` is what the file held before the sync wrote it, `written`
/// what the sync wrote, `saved` what the file holds now. The save is stale, and merged, when
/// all of these hold:
/// 1. all three are text (UTF-8 without NUL) and, for a Markdown entry, all three parse;
/// 2. the sync added at least one non-blank line;
/// 3. the save has edits of its own: it differs from `replaced`, and it is not `written` minus
///    some lines (a save that only removes lines from what sync wrote is a deliberate deletion,
///    even when what it removes is every line sync added);
/// 4. the save did not add to `replaced` every non-blank line sync added (a buffer that holds
///    them all has seen the sync; one holding some only may have typed the same line, which the
///    merge writes once), and does not account for each synced line it lacks with a line of its
///    own in the same place at least ``editedLikeness`` alike (the user edited every synced line
///    it lacks: a typo fixed, say);
/// 5. the save still holds at least half of the non-blank lines of `replaced` (it is that
///    version edited, not another text saved over it).
/// Anything else is a save to commit as it is. A stale save is merged (base `replaced`, first
/// `written`, second `saved`) even when its edits touch what the sync changed: the conflicts are
/// recorded as a sync's are, so both sides' lines stay in sight.
enum StaleSave {
    /// What to make of the save.
    enum Verdict: Equatable {
        /// A stale save: the merge keeps both the save's edits and the sync's lines, in conflict
        /// markers (or a copy beside it) where they touch.
        case merged(EntryMergeResult)
        /// Not a stale save: commit it as saved.
        case asSaved
    }

    /// Judges `saved` against the rewrite from `replaced` to `written` (see the type's rules).
    static func judge(path: String, replaced: Data, written: Data, saved: Data,
                      synced: MergeSide, local: MergeSide) -> Verdict {
        guard saved != written, saved != replaced,
              let replacedText = TextLines.decode(replaced), let writtenText = TextLines.decode(written), let savedText = TextLines.decode(saved) else {
            return .asSaved
        }
        if path.lowercased().hasSuffix(".md") {
            for version in [replaced, written, saved] where (try? Note(parsing: version, path: path)) == nil {
                return .asSaved
            }
        }
        let lines = (replaced: TextLines.split(replacedText), written: TextLines.split(writtenText),
                     saved: TextLines.split(savedText))
        var interner = TextLines.Interner()
        let newline = TextLines.newline(of: replacedText) ?? TextLines.newline(of: writtenText) ?? "\n"
        let ids = (replaced: interner.ids(lines.replaced, newline: newline), written: interner.ids(lines.written, newline: newline),
                   saved: interner.ids(lines.saved, newline: newline))
        let syncHunks = LineDiff.hunks(ids.replaced, ids.written)
        let saveHunks = LineDiff.hunks(ids.replaced, ids.saved)
        let syncAdded = addedLines(syncHunks, ids: ids.written, text: lines.written)
        guard !syncAdded.isEmpty else { return .asSaved }
        if LineDiff.hunks(ids.written, ids.saved).allSatisfy({ $0.newRange.isEmpty }) { return .asSaved }
        if syncAdded.isSubset(of: addedLines(saveHunks, ids: ids.saved, text: lines.saved)) { return .asSaved }
        if editsSyncedLines(sync: syncHunks, written: (lines.written, ids.written), save: saveHunks, saved: (lines.saved, ids.saved)) {
            return .asSaved
        }
        let nonBlank = lines.replaced.indices.filter { !isBlank(lines.replaced[$0]) }
        let kept = LineDiff.matches(ids.replaced, ids.saved).filter { !isBlank(lines.replaced[$0.0]) }.count
        if kept * 2 < nonBlank.count { return .asSaved }
        let result = EntryMerger.merge(path: path, base: replaced, first: written, second: saved,
                                       firstSide: synced, secondSide: local)
        guard let merged = result.merged, merged != saved || !result.conflicts.isEmpty || !result.extraFiles.isEmpty else {
            return .asSaved
        }
        return .merged(result)
    }

    /// How alike two lines must be (twice their longest common subsequence of characters over
    /// their total length) to count as one edited into the other. Edits people make to a line
    /// that just arrived (a time and a place changed, `- 23:41 Walked to the river.` to `- 09:00
    /// Walked to the lake.`, 0.73) fall below 0.8, and taking them for a stale buffer's new line
    /// brings the old line back beside the edit and hides the conflict with the other device's
    /// edit; a stale buffer's line that reaches 0.6 beside the only synced line it lacks is the
    /// price (README, "Saves from a stale editor buffer").
    static let editedLikeness = 0.6

    /// Whether the save reads as an edit of what the sync added: every non-blank line the sync
    /// added is either one the save added too, or has, in the save's lines at its place, a line
    /// of its own much like it (its edit; one edit per synced line), and at least one was edited.
    /// A synced line with neither is one the buffer never saw, whatever became of the others: a
    /// stale buffer's new line that happens to look like one synced line must not drop the rest
    /// (a 60-minute soak lost two lines that way).
    private static func editsSyncedLines(sync: [DiffHunk], written: (lines: [String], ids: [Int]),
                                         save: [DiffHunk], saved: (lines: [String], ids: [Int])) -> Bool {
        let savedAdded = addedLines(save, ids: saved.ids, text: saved.lines)
        var used = Set<Int>()
        var edited = false
        for ours in sync where !ours.newRange.isEmpty {
            let candidates = save.filter { $0.oldRange == ours.oldRange || LineMerger.overlap(ours.oldRange, $0.oldRange) }
                .flatMap { $0.newRange }.filter { !isBlank(saved.lines[$0]) }
            for a in ours.newRange where !isBlank(written.lines[a]) && !savedAdded.contains(written.ids[a]) {
                // The same line is one both sides added (rule 4), not an edit of it.
                // The first alike line will do: comparing every pair of two long pasted blocks
                // would cost seconds.
                let edit = candidates.lazy.filter { !used.contains($0) && saved.ids[$0] != written.ids[a] }
                    .first { likeness(written.lines[a], saved.lines[$0]) >= editedLikeness }
                guard let edit else { return false }
                used.insert(edit)
                edited = true
            }
        }
        return edited
    }

    /// Twice the longest common subsequence of the two lines' characters over their total
    /// length: 1 for equal lines, 0 for lines with nothing in common. Long lines are compared
    /// by their first 400 characters, which is enough to tell an edit.
    static func likeness(_ a: String, _ b: String) -> Double {
        let x = Array(a.trimmingCharacters(in: .whitespacesAndNewlines).prefix(400))
        let y = Array(b.trimmingCharacters(in: .whitespacesAndNewlines).prefix(400))
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        for i in x.indices {
            var row = [Int](repeating: 0, count: y.count + 1)
            for j in y.indices {
                row[j + 1] = x[i] == y[j] ? previous[j] + 1 : max(previous[j + 1], row[j])
            }
            previous = row
        }
        return Double(2 * previous[y.count]) / Double(x.count + y.count)
    }

    /// The ids of the non-blank lines a version (`ids`, `text`) has in the places where its
    /// `hunks` against the replaced version say it differs.
    private static func addedLines(_ hunks: [DiffHunk], ids: [Int], text: [String]) -> Set<Int> {
        var added = Set<Int>()
        for hunk in hunks {
            for index in hunk.newRange where !isBlank(text[index]) {
                added.insert(ids[index])
            }
        }
        return added
    }

    /// Whether a line holds nothing but white space.
    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }
}

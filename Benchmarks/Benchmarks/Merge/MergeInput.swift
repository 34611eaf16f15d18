import BenchmarkFixtures
import Foundation

/// The three versions of one file that a merge benchmark hands to `EntryMerger`.
struct MergeInput {
    var path: String
    var base: Data
    var first: Data
    var second: Data

    /// Day `index` as a sync meets it: the laptop changed `energy` and logged a line, the desk
    /// changed `mood` and added a note, so the merge is clean.
    static func dayEntry(_ index: Int) -> MergeInput {
        let base = DayEntries.text(index)
        let first = DayEntries.setting("energy", to: "2", in: base)
            .replacingOccurrences(of: "\n\n## Notes\n", with: "\n- 21:30 laptop: evening walk\n\n## Notes\n")
        let second = DayEntries.setting("mood", to: "4", in: base) + "Added on the desk.\n"
        return MergeInput(path: DayEntries.path(index), base: Data(base.utf8), first: Data(first.utf8), second: Data(second.utf8))
    }

    /// A note with one section of `lines` lines: the laptop rewrote every 20th line, the desk the
    /// lines halfway between and inserted one after every 50th. No change touches the other
    /// side's, so there is no conflict.
    static func longSection(lines count: Int) -> MergeInput {
        let lines = (0..<count).map { "- line \($0): \(DayEntries.text($0 % 50).suffix(40).replacingOccurrences(of: "\n", with: " "))" }
        let first = lines.enumerated().map { $0.offset % 20 == 0 ? $0.element + " (laptop)" : $0.element }
        var second: [String] = []
        for (offset, line) in lines.enumerated() {
            second.append(offset % 20 == 10 ? line + " (desk)" : line)
            if offset % 50 == 25 { second.append("- inserted on the desk after line \(offset)") }
        }
        func entry(_ body: [String]) -> Data {
            Data(("---\nkind: note\ntitle: Log\n---\n\n## Log\n" + body.joined(separator: "\n") + "\n").utf8)
        }
        return MergeInput(path: "notes/log.md", base: entry(lines), first: entry(first), second: entry(second))
    }
}

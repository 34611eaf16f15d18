/// The name a person most likely meant when they typed one that does not exist: a front-matter
/// key (`Mood`, `enrgy`), a command (`tody`) or an option (`--jsn`).
///
/// A name is close when it differs only by case, or by a few edits (a letter added, dropped,
/// changed, or two neighbours swapped) that grow with its length: none for names of one or two
/// letters, one up to seven letters, two from eight on (the longer name counts). So `tag`
/// suggests `tags`, `ad` suggests `add` and `exhaustoin` suggests `exhaustion`, while
/// `walk_h` is not taken for `work_h`.
public enum NameSuggestion {
    /// The candidate closest to `name`, or nil when `name` is one of them or none is close.
    /// Ties go to the candidate that sorts first, so the answer never depends on the order given.
    public static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        let typed = folded(name)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            if candidate == name { return nil }
            // Most candidates differ too much in length to be close: no need to fold them.
            let length = candidate.unicodeScalars.count
            guard abs(length - typed.count) <= allowedEdits(forLength: max(length, typed.count)),
                  let distance = closeness(typed, folded(candidate)) else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// How far apart two names are when they are close enough to be a mistake for each other:
    /// 0 for a difference of case only, else the edit distance; nil when they are not close.
    public static func closeness(_ typed: String, _ candidate: String) -> Int? {
        closeness(folded(typed), folded(candidate))
    }

    private static func closeness(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int? {
        let allowed = allowedEdits(forLength: max(a.count, b.count))
        guard abs(a.count - b.count) <= allowed else { return nil }
        if a == b { return 0 }
        return editDistance(a, b, atMost: allowed)
    }

    private static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ...2: return 0
        case ...7: return 1
        default: return 2
        }
    }

    /// The name in lower case, as scalars: `check` compares every key of every entry this way,
    /// so plain ASCII (nearly every key) skips Unicode case mapping.
    private static func folded(_ name: String) -> [Unicode.Scalar] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return name.utf8.map { Unicode.Scalar((65...90).contains($0) ? $0 + 32 : $0) }
        }
        return Array(name.lowercased().unicodeScalars)
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions and swaps of
    /// neighbouring characters each count one: `eneryg` is one edit from `energy`), or nil as
    /// soon as it must exceed `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            // No later row can come back under the limit: a row's minimum is at most one more
            // than the row before's, and a swap adds one to a value two rows up.
            if rowMinimum > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

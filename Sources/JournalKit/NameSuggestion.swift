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
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            if candidate == name { return nil }
            guard let distance = closeness(name, candidate) else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// How far apart two names are when they are close enough to be a mistake for each other:
    /// 0 for a difference of case only, else the edit distance; nil when they are not close.
    public static func closeness(_ typed: String, _ candidate: String) -> Int? {
        let a = Array(typed.lowercased()), b = Array(candidate.lowercased())
        let allowed = allowedEdits(forLength: max(a.count, b.count))
        guard abs(a.count - b.count) <= allowed else { return nil }
        if a == b { return 0 }
        let distance = editDistance(a, b)
        return distance <= allowed ? distance : nil
    }

    private static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ...2: return 0
        case ...7: return 1
        default: return 2
        }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbouring characters each count one (`eneryg` is one edit from `energy`).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}

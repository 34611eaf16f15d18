import JournalKit
import Testing

/// Which mistyped names hearth answers with "did you mean ...?".
@Suite struct NameSuggestionTests {
    static let dayKeys = Array(KindSchema.day.fields.keys)

    @Test(arguments: [
        ("Mood", "mood"), ("ENERGY", "energy"),               // case only
        ("enrgy", "energy"), ("moood", "mood"), ("tag", "tags"), // one letter dropped or added
        ("eneryg", "energy"), ("sleep__q", "sleep_q"),       // neighbours swapped, one added
        ("exhaustoin", "exhaustion"), ("cynisim", "cynicism"), // two edits on a long key
        ("Glucose_mg", "glucose_mgdl"),
    ])
    func aLikelyMistakeGetsTheKeyMeant(typed: String, meant: String) {
        #expect(NameSuggestion.nearest(to: typed, among: Self.dayKeys) == meant)
    }

    @Test(arguments: ["walk_h", "bedtime", "place", "x", "ab", "commute_h", "sleep"])
    func aKeyOfTheUsersOwnGetsNoSuggestion(typed: String) {
        #expect(NameSuggestion.nearest(to: typed, among: Self.dayKeys) == nil)
    }

    @Test func anExactNameIsNotAMistakeEvenAmongCloseOnes() {
        // `sleep_q` is one edit from `sleep_h`, but it is a key itself.
        #expect(NameSuggestion.nearest(to: "sleep_q", among: Self.dayKeys) == nil)
        #expect(NameSuggestion.nearest(to: "meet_h", among: ["deep_h", "meet_h"]) == nil)
    }

    @Test func theAllowedEditsGrowWithLength() {
        // Two letters: case only. Up to seven: one edit. From eight: two.
        #expect(NameSuggestion.closeness("Ab", "ab") == 0)
        #expect(NameSuggestion.closeness("ab", "ac") == nil)
        #expect(NameSuggestion.closeness("ad", "add") == 1)
        #expect(NameSuggestion.closeness("food", "mood") == 1)
        #expect(NameSuggestion.closeness("walk_h", "work_h") == nil)
        #expect(NameSuggestion.closeness("sleep_m", "sleep_h") == 1)
        #expect(NameSuggestion.closeness("efficasy", "efficacy") == 1)
        #expect(NameSuggestion.closeness("efficcasy", "efficacy") == 2)
        #expect(NameSuggestion.closeness("effixxasy", "efficacy") == nil)
    }

    @Test func theNearestWinsAndTiesGoToTheNameThatSortsFirst() {
        #expect(NameSuggestion.nearest(to: "meet_hh", among: ["meet_h", "deep_hh"]) == "meet_h")
        // `sleep_x` is one edit from both; the answer does not depend on the order given.
        #expect(NameSuggestion.nearest(to: "sleep_x", among: ["sleep_q", "sleep_h"]) == "sleep_h")
        #expect(NameSuggestion.nearest(to: "sleep_x", among: ["sleep_h", "sleep_q"]) == "sleep_h")
        // A difference of case beats a typo.
        #expect(NameSuggestion.nearest(to: "Tags", among: ["tag", "tags"]) == "tags")
    }

    @Test(arguments: [("tody", "today"), ("lsit", "list"), ("sycn", "sync"), ("jsn", "json"), ("revew", "review")])
    func commandsAndOptionsFollowTheSameRule(typed: String, meant: String) {
        let names = ["today", "list", "sync", "status", "json", "csv", "review", "restore", "resolve"]
        #expect(NameSuggestion.nearest(to: typed, among: names) == meant)
    }

    /// `closeness` (which stops counting past the limit) against a plain optimal string
    /// alignment distance, on every pair of short names and many pairs of long ones.
    @Test func closenessAgreesWithTheFullEditDistance() {
        func words(_ alphabet: [Character], lengths: ClosedRange<Int>) -> [String] {
            var all: [String] = lengths.contains(0) ? [""] : []
            var level = [""]
            for length in 1...lengths.upperBound {
                level = level.flatMap { word in alphabet.map { word + String($0) } }
                if lengths.contains(length) { all += level }
            }
            return all
        }
        func expected(_ a: String, _ b: String) -> Int? {
            let x = Array(a.lowercased()), y = Array(b.lowercased())
            let allowed = max(x.count, y.count) <= 2 ? 0 : max(x.count, y.count) <= 7 ? 1 : 2
            var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in 0...x.count { d[i][0] = i }
            for j in 0...y.count { d[0][j] = j }
            for i in stride(from: 1, through: x.count, by: 1) {
                for j in stride(from: 1, through: y.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[x.count][y.count] <= allowed ? d[x.count][y.count] : nil
        }
        let short = words(["a", "b", "C"], lengths: 0...4)
        for a in short {
            for b in short where NameSuggestion.closeness(a, b) != expected(a, b) {
                Issue.record("\(a) ~ \(b): \(String(describing: NameSuggestion.closeness(a, b))), expected \(String(describing: expected(a, b)))")
            }
        }
        let long = words(["a", "b"], lengths: 6...8)
        for a in long.enumerated().filter({ $0.offset % 9 == 0 }).map(\.element) {
            for b in long where NameSuggestion.closeness(a, b) != expected(a, b) {
                Issue.record("\(a) ~ \(b): \(String(describing: NameSuggestion.closeness(a, b))), expected \(String(describing: expected(a, b)))")
            }
        }
    }
}

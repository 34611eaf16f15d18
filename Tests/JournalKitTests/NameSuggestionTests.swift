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
}

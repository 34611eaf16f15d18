import JournalKit
import NoteKit
import Testing

@Suite("FieldType.problem(with:)")
struct FieldTypeTests {
    let energy = KindSchema.day.fields["energy"]!
    let sleep = KindSchema.day.fields["sleep_h"]!
    let fever = KindSchema.day.fields["fever_c"]!
    let sick = KindSchema.day.fields["sick"]!
    let predicted = KindSchema.experiment.fields["predicted_failure"]!
    let week = KindSchema.week.fields["week"]!
    let who5 = KindSchema.week.fields["who5"]!

    // MARK: integer

    @Test("integer: the bounds of 1-5 are accepted", arguments: ["1", "3", "5", "+4", "0x3"])
    func integerAccepted(text: String) {
        #expect(energy.problem(with: .plain(text)) == nil)
    }

    @Test func integerBelowAndAboveRefused() {
        #expect(energy.problem(with: .plain("0")) == "must be from 1 to 5, not 0")
        #expect(energy.problem(with: .plain("6")) == "must be from 1 to 5, not 6")
        #expect(energy.problem(with: .plain("-1")) == "must be from 1 to 5, not -1")
    }

    @Test("integer: fractions, words, quoted numbers and lists are not whole numbers",
          arguments: [YAMLValue.plain("3.5"), .plain("three"), .string("3"), .plain("true"), .list([.plain("3")])])
    func integerNonWholeRefused(value: YAMLValue) {
        #expect(energy.problem(with: value) == "must be a whole number from 1 to 5")
    }

    @Test func integerZeroBasedScale() {
        let exhaustion = FieldType.integer(0...4)
        #expect(exhaustion.problem(with: .plain("0")) == nil)
        #expect(exhaustion.problem(with: .plain("4")) == nil)
        #expect(exhaustion.problem(with: .plain("5")) == "must be from 0 to 4, not 5")
    }

    // MARK: number

    @Test("number: sleep_h accepts 0 to 24, whole or not", arguments: ["0", "7", "7.5", "24", "24.0", ".5"])
    func numberAccepted(text: String) {
        #expect(sleep.problem(with: .plain(text)) == nil)
    }

    @Test func numberOutOfRangeRefused() {
        #expect(sleep.problem(with: .plain("24.5")) == "must be from 0 to 24, not 24.5")
        #expect(sleep.problem(with: .plain("-1")) == "must be from 0 to 24, not -1")
        #expect(sleep.problem(with: .plain("25")) == "must be from 0 to 24, not 25")
    }

    @Test("number: text, quoted numbers and non-finite values are refused",
          arguments: [YAMLValue.plain("seven"), .string("7"), .plain(".inf"), .plain(".nan"), .plain("-.inf"), .plain("7h")])
    func numberNotANumber(value: YAMLValue) {
        #expect(sleep.problem(with: value) == "must be a number from 0 to 24")
    }

    @Test func feverRange() {
        #expect(fever.problem(with: .plain("38.2")) == nil)
        #expect(fever.problem(with: .plain("30")) == nil)
        #expect(fever.problem(with: .plain("45")) == nil)
        // Fahrenheit by mistake.
        #expect(fever.problem(with: .plain("100.4")) == "must be from 30 to 45, not 100.4")
        #expect(fever.problem(with: .plain("29.9")) == "must be from 30 to 45, not 29.9")
    }

    // MARK: boolean

    @Test func booleanTrueAndFalse() {
        #expect(sick.problem(with: .plain("true")) == nil)
        #expect(sick.problem(with: .plain("false")) == nil)
    }

    @Test("boolean: YAML 1.1 words and quoted booleans are refused, naming YAML 1.1",
          arguments: [YAMLValue.plain("no"), .plain("yes"), .plain("on"), .plain("off"), .plain("1"), .string("true")])
    func booleanRefused(value: YAMLValue) throws {
        let problem = try #require(sick.problem(with: value))
        #expect(problem.hasPrefix("must be true or false"))
        #expect(problem.contains("YAML 1.1"))
    }

    // MARK: date

    @Test func dateAcceptsPlainAndQuoted() {
        #expect(FieldType.date.problem(with: .plain("2026-11-22")) == nil)
        #expect(FieldType.date.problem(with: .string("2026-11-22")) == nil)
        #expect(FieldType.date.problem(with: .plain("2024-02-29")) == nil)
    }

    @Test("date: anything but a real YYYY-MM-DD is refused",
          arguments: ["22.11.2026", "2026-11-22T10:00", "2026-1-5", "today"])
    func dateRefused(text: String) {
        #expect(FieldType.date.problem(with: .plain(text)) == "must be a date like 2026-11-22")
    }

    @Test("date: a day that does not exist is called that",
          arguments: [("2026-02-30", "February 2026 has 28 days"), ("2025-02-29", "February 2025 has 28 days"),
                      ("2026-13-01", "there is no month 13 (months are 01 to 12)")])
    func dateThatDoesNotExist(text: String, reason: String) {
        #expect(FieldType.date.problem(with: .plain(text)) == "must be a day that exists (\(text) is not a date: \(reason))")
    }

    // MARK: text

    @Test func textAcceptsScalarsRefusesCollections() {
        #expect(FieldType.text.problem(with: .plain("warmup helps")) == nil)
        #expect(FieldType.text.problem(with: .plain("3")) == nil)
        #expect(FieldType.text.problem(with: .list([.plain("a")])) == "must be text, not a list or map")
        #expect(FieldType.text.problem(with: .map([])) == "must be text, not a list or map")
    }

    // MARK: choice

    @Test("choice: every documented failure mode is accepted",
          arguments: ["bug", "data", "instability", "no-effect", "underpowered", "infra", "eval", "scope", "other"])
    func choiceAccepted(mode: String) {
        #expect(predicted.problem(with: .plain(mode)) == nil)
        #expect(predicted.problem(with: .string(mode)) == nil)
    }

    @Test func choiceRefusesOtherWords() {
        let outcome = KindSchema.experiment.fields["outcome"]!
        let options = "success, partial, failure, inconclusive, abandoned"
        #expect(outcome.problem(with: .plain("flaky")) == "must be one of: \(options), not 'flaky'")
        #expect(outcome.problem(with: .plain("Success")) == "must be one of: \(options), not 'Success'")
        #expect(outcome.problem(with: .list([.plain("success")])) == "must be one of: \(options)")
    }

    /// The failure modes are suggestions: other text fits (check only suggests the usual words).
    @Test func failureModesAcceptAnyTextAndSuggestTheUsualWords() {
        #expect(predicted.problem(with: .plain("flaky")) == nil)
        #expect(predicted.problem(with: .plain("Bug")) == nil)
        #expect(predicted.problem(with: .list([.plain("bug")])) == "must be text, not a list or map")
        #expect(predicted.suggestion(for: .plain("flaky"))?.hasPrefix("'flaky' is none of the usual words (bug, data,") == true)
        #expect(predicted.suggestion(for: .plain("bug")) == nil)
    }

    // MARK: isoWeek

    @Test("isoWeek: valid names", arguments: ["2026-W47", "2026-W01", "2026-W53"])
    func isoWeekAccepted(text: String) {
        #expect(week.problem(with: .plain(text)) == nil)
    }

    @Test("isoWeek: malformed names are refused",
          arguments: ["2026-W54", "2026-47", "2026-W00", "2026-W5", "26-W47", "2026-w47", "2026-W47-1", "W47"])
    func isoWeekRefused(text: String) {
        #expect(week.problem(with: .plain(text)) == "must be an ISO week like 2026-W47")
    }

    // MARK: list

    @Test func who5NeedsExactlyFiveValuesFrom0To5() {
        let five: YAMLValue = .list(["5", "0", "3", "4", "2"].map { .plain($0) })
        #expect(who5.problem(with: five) == nil)
        #expect(who5.problem(with: .list(["3", "4", "2", "5"].map { .plain($0) }))
                == "must list exactly 5 values, found 4")
        #expect(who5.problem(with: .list(["3", "4", "2", "5", "1", "0"].map { .plain($0) }))
                == "must list exactly 5 values, found 6")
        #expect(who5.problem(with: .list(["3", "4", "6", "5", "1"].map { .plain($0) }))
                == "every value must be from 0 to 5, not 6")
        #expect(who5.problem(with: .list(["3", "4", "2.5", "5", "1"].map { .plain($0) }))
                == "every value must be a whole number from 0 to 5")
        // A lone scalar is a one-element list.
        #expect(who5.problem(with: .plain("3")) == "must list exactly 5 values, found 1")
    }

    @Test func listWithoutCountAcceptsAnyLengthAndLoneScalars() {
        let tags = KindSchema.day.fields["tags"]!
        #expect(tags.problem(with: .list([])) == nil)
        #expect(tags.problem(with: .list([.plain("deadline"), .plain("travel")])) == nil)
        #expect(tags.problem(with: .plain("travel")) == nil)
        #expect(tags.problem(with: .list([.list([.plain("x")])])) == "every value must be text, not a list or map")

        let glucose = KindSchema.day.fields["glucose_mgdl"]!
        #expect(glucose.problem(with: .list([.plain("95"), .plain("180.5")])) == nil)
        #expect(glucose.problem(with: .list([.plain("95"), .plain("high")]))
                == "every value must be a number from 10 to 1000")
    }

    // MARK: null

    @Test("null (not recorded) fits every type",
          arguments: [FieldType.integer(1...5), .number(0...24), .boolean, .date, .text,
                      .choice(["a"]), .isoWeek, .list(.integer(0...5), count: 5), .list(.text)])
    func nullAlwaysAccepted(type: FieldType) {
        #expect(type.problem(with: .null) == nil)
        #expect(type.problem(with: .plain("~")) == nil)
        #expect(type.problem(with: .plain("null")) == nil)
    }

    @Test func isoWeek53OnlyInLongYears() {
        // 2026 and 2020 have 53 ISO weeks; 2025 and 2027 have 52.
        #expect(week.problem(with: .plain("2020-W53")) == nil)
        #expect(week.problem(with: .plain("2025-W53")) == "must be an ISO week like 2026-W47")
    }
}

import JournalKit
import NoteKit
import Testing

@Suite("FieldValue.parse")
struct FieldValueTests {
    @Test func energyDigitIsAnInteger() throws {
        let value = try FieldValue.parse("2", key: "energy", kind: .day)
        #expect(value == .plain("2"))
        #expect(value.int == 2)
        #expect(YAMLWriter.line(key: "energy", value: value) == "energy: 2")
    }

    @Test func surroundingSpacesAreTrimmed() throws {
        #expect(try FieldValue.parse("  4 ", key: "energy", kind: .day) == .plain("4"))
    }

    @Test func energyOutOfRangeThrows() {
        #expect(throws: JournalError.invalidValue(key: "energy", value: "9", reason: "must be from 1 to 5, not 9")) {
            try FieldValue.parse("9", key: "energy", kind: .day)
        }
        #expect(throws: JournalError.invalidValue(key: "energy", value: "3.5", reason: "must be a whole number from 1 to 5")) {
            try FieldValue.parse("3.5", key: "energy", kind: .day)
        }
    }

    @Test func bedtimeStaysAStringAndIsWrittenQuoted() throws {
        let value = try FieldValue.parse("23:30", key: "bedtime", kind: .day)
        #expect(value.string == "23:30")
        #expect(value.int == nil)
        #expect(value.double == nil)
        #expect(YAMLWriter.line(key: "bedtime", value: value) == #"bedtime: "23:30""#)
    }

    @Test func flowListBecomesAList() throws {
        let value = try FieldValue.parse("[a, b]", key: "tags", kind: .day)
        #expect(value == .list([.plain("a"), .plain("b")]))
        #expect(value.strings == ["a", "b"])
        #expect(YAMLWriter.line(key: "tags", value: value) == "tags: [a, b]")
    }

    @Test func emptyFlowListIsAnEmptyList() throws {
        #expect(try FieldValue.parse("[]", key: "tags", kind: .day) == .list([]))
        #expect(try FieldValue.parse("[ ]", key: "symptoms", kind: .day) == .list([]))
    }

    @Test func listElementsAreValidated() throws {
        let value = try FieldValue.parse("[3, 4, 2, 5, 1]", key: "who5", kind: .week)
        #expect(value.list?.compactMap(\.int) == [3, 4, 2, 5, 1])
        #expect(throws: JournalError.invalidValue(key: "who5", value: "[3, 4]", reason: "must list exactly 5 values, found 2")) {
            try FieldValue.parse("[3, 4]", key: "who5", kind: .week)
        }
        #expect(throws: JournalError.invalidValue(key: "who5", value: "[3, 4, 9, 5, 1]",
                                                  reason: "every value must be from 0 to 5, not 9")) {
            try FieldValue.parse("[3, 4, 9, 5, 1]", key: "who5", kind: .week)
        }
    }

    @Test func numericTitleOnANoteStaysAString() throws {
        let value = try FieldValue.parse("2026", key: "title", kind: .note)
        #expect(value == .string("2026"))
        #expect(value.int == nil)
        #expect(YAMLWriter.line(key: "title", value: value) == #"title: "2026""#)
    }

    @Test func booleanLikeTitleStaysAString() throws {
        let value = try FieldValue.parse("true", key: "title", kind: .experiment)
        #expect(value == .string("true"))
        #expect(value.bool == nil)
    }

    @Test func sickNoThrows() throws {
        let error = try #require(throws: JournalError.self) {
            try FieldValue.parse("no", key: "sick", kind: .day)
        }
        guard case .invalidValue(let key, let value, let reason) = error else {
            Issue.record("expected invalidValue, got \(error)")
            return
        }
        #expect(key == "sick")
        #expect(value == "no")
        #expect(reason.contains("YAML 1.1"))
    }

    @Test func sickTrueIsABoolean() throws {
        #expect(try FieldValue.parse("true", key: "sick", kind: .day).bool == true)
        #expect(try FieldValue.parse("false", key: "sick", kind: .day).bool == false)
    }

    @Test func quotedInputForAnUnknownKeyIsAString() throws {
        let value = try FieldValue.parse("\"3\"", key: "pages", kind: .day)
        #expect(value == .string("3"))
        #expect(value.int == nil)
        let single = try FieldValue.parse("'yes'", key: "answer", kind: .day)
        #expect(single.scalar?.text == "yes")
        #expect(single.scalar?.style == .singleQuoted)
        #expect(single.bool == nil)
    }

    @Test func unknownKeysTakeAnyValue() throws {
        #expect(try FieldValue.parse("99", key: "pages", kind: .day) == .plain("99"))
        #expect(try FieldValue.parse("9", key: "energy", kind: .note) == .plain("9"))
    }

    @Test func quotedNumberForAnIntegerKeyIsRefused() {
        #expect(throws: JournalError.invalidValue(key: "energy", value: "\"3\"", reason: "must be a whole number from 1 to 5")) {
            try FieldValue.parse("\"3\"", key: "energy", kind: .day)
        }
    }

    @Test func choiceAndWeekAreValidated() throws {
        #expect(try FieldValue.parse("instability", key: "predicted_failure", kind: .experiment) == .plain("instability"))
        #expect(try FieldValue.parse("flaky", key: "predicted_failure", kind: .experiment) == .plain("flaky"))
        #expect(throws: JournalError.self) {
            try FieldValue.parse("flaky", key: "outcome", kind: .experiment)
        }
        #expect(try FieldValue.parse("2026-W47", key: "week", kind: .week) == .plain("2026-W47"))
        #expect(throws: JournalError.invalidValue(key: "week", value: "2026-47", reason: "must be an ISO week like 2026-W47")) {
            try FieldValue.parse("2026-47", key: "week", kind: .week)
        }
    }

    @Test func emptyValueIsNullAndAccepted() throws {
        let value = try FieldValue.parse("", key: "energy", kind: .day)
        #expect(value.isNull)
        #expect(YAMLWriter.line(key: "energy", value: value) == "energy:")
    }

    @Test func quotedListElementsStayStrings() throws {
        let value = try FieldValue.parse("[\"2026\", travel]", key: "tags", kind: .day)
        #expect(value == .list([.string("2026"), .plain("travel")]))
        #expect(YAMLWriter.line(key: "tags", value: value) == #"tags: ["2026", travel]"#)
    }

    @Test func quotedListElementMayContainACommaAndTheSeparatorInside() throws {
        let value = try FieldValue.parse(#"["a, b", c]"#, key: "tags", kind: .day)
        #expect(value == .list([.string("a, b"), .plain("c")]))
        #expect(value.strings == ["a, b", "c"])
    }

    @Test(arguments: [
        ("work,gym", "tags", "[work, gym]"), ("work, gym", "tags", "[work, gym]"), ("work", "tags", "[work]"),
        ("\"a, b\",c", "tags", "[\"a, b\", c]"), ("95,140", "glucose_mgdl", "[95, 140]"), ("cough", "symptoms", "[cough]"),
    ])
    func aListKeyTakesCommaSeparatedItemsAsItsList(text: String, key: String, line: String) throws {
        let value = try FieldValue.parse(text, key: key, kind: .day)
        #expect(value.list != nil)
        #expect(YAMLWriter.line(key: key, value: value) == "\(key): \(line)")
    }

    @Test func anEmptyValueOnAListKeyIsStillNotRecorded() throws {
        #expect(try FieldValue.parse("", key: "tags", kind: .day).isNull)
        #expect(try FieldValue.parse("[]", key: "tags", kind: .day).list == [])
    }

    @Test func aKeyOfTheUsersOwnKeepsCommasAsText() throws {
        #expect(try FieldValue.parse("work,gym", key: "place", kind: .day).string == "work,gym")
    }

    /// The library says what is wrong; how to write it on the command line is hearth's to say.
    @Test(arguments: [
        ("tags", "[work, gym", "the list is not closed (no ']')", true),
        ("tags", "[work", "the list is not closed (no ']')", true),
        ("note", "[draft", "the list is not closed (no ']')", false),
        ("tags", "[a] b", "not a list YAML can read", true),
        ("note", "{a: 1", "the map is not closed (no '}')", false),
        ("tags", "a,[b", "not a list YAML can read", true),
    ])
    func aListThatDoesNotCloseIsRefused(key: String, text: String, reason: String, listKey: Bool) {
        #expect(throws: JournalError.invalidList(key: key, value: text, reason: reason, listKey: listKey)) {
            try FieldValue.parse(text, key: key, kind: .day)
        }
    }

    @Test func aDateThatDoesNotExistIsCalledThat() {
        #expect(throws: JournalError.invalidValue(key: "date", value: "2026-02-30",
                                                  reason: "must be a day that exists (2026-02-30 is not a date: February 2026 has 28 days)")) {
            try FieldValue.parse("2026-02-30", key: "date", kind: .day)
        }
    }
}

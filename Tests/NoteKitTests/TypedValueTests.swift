import Testing
@testable import NoteKit

/// Typed reads follow journal.md: the YAML 1.2 core schema, never YAML 1.1 guessing.
@Suite struct TypedValueTests {
    func note(_ name: String) throws -> Note { try Note(parsing: try Fixtures.text(name), path: name) }

    @Test func dayEntryReadsItsTypes() throws {
        let day = try note("01-typical-day.md")
        #expect(day.kind == .day)
        #expect(day["energy"]?.int == 2)
        #expect(day["work_h"]?.double == 9.5)
        #expect(day["work_h"]?.int == nil)
        #expect(day["deep_h"]?.double == 2)
        #expect(day["sick"]?.bool == false)
        #expect(day["date"]?.date == LocalDate(year: 2026, month: 11, day: 22))
        #expect(day.date == LocalDate(year: 2026, month: 11, day: 22))
        #expect(day["bed"]?.string == "23:30")
        #expect(day["bed"]?.int == nil)
        #expect(day.tags == ["deadline", "travel"])
        #expect(day["tags"]?.list?.count == 2)
        #expect(day["missing"] == nil)
    }

    @Test func experimentEntryReadsItsTypes() throws {
        let experiment = try note("02-experiment.md")
        #expect(experiment.kind == .experiment)
        #expect(experiment["p_success"]?.double == 0.35)
        #expect(experiment["predicted_failure"]?.string == "no-effect")
        #expect(experiment["hypothesis"]?.string == "A longer warmup removes the loss spike at step 2k")
        #expect(experiment.title == "Warmup schedule ablation")
        let obsidian = try note("32-experiment-obsidian.md")
        #expect(obsidian["p_success"]?.double == 0.6)
        #expect(obsidian.tags == ["ml", "batch-size"])
    }

    @Test func timesStayStrings() throws {
        let times = try note("19-times.md")
        for key in ["bed", "unquoted", "lunch", "seconds", "wake"] {
            #expect(times[key]?.int == nil, "\(key)")
            #expect(times[key]?.double == nil, "\(key)")
        }
        #expect(times["unquoted"]?.string == "23:30")
        #expect(times["wake"]?.string == "07:15")
    }

    @Test func onlyTrueAndFalseAreBooleans() throws {
        let values = try note("20-yes-no.md")
        for key in ["sick", "travel", "switch", "other", "quoted_no", "n"] {
            #expect(values[key]?.bool == nil, "\(key)")
        }
        #expect(values["sick"]?.string == "no")
        #expect(values["ok"]?.bool == true)
        #expect(values["bad"]?.bool == false)
        #expect(values["title_case"]?.bool == true)
        #expect(values["upper"]?.bool == false)
    }

    @Test func nullsAreNotRecorded() throws {
        let nulls = try note("21-nulls.md")
        for key in ["empty", "tilde", "word", "title_null", "commented"] {
            #expect(nulls[key]?.isNull == true, "\(key)")
            #expect(nulls[key]?.string == nil, "\(key)")
            #expect(nulls[key]?.strings == [], "\(key)")
            #expect(nulls[key]?.int == nil, "\(key)")
        }
        #expect(nulls["quoted_tilde"]?.isNull == false)
        #expect(nulls["quoted_tilde"]?.string == "~")
    }

    @Test func numbers() throws {
        let numbers = try note("22-numbers.md")
        #expect(numbers["int"]?.int == 42)
        #expect(numbers["negative"]?.int == -7)
        #expect(numbers["plus"]?.int == 5)
        #expect(numbers["zero"]?.int == 0)
        #expect(numbers["float"]?.double == 7.5)
        #expect(numbers["float"]?.int == nil)
        #expect(numbers["negative_float"]?.double == -0.25)
        #expect(numbers["exponent"]?.double == 1000)
        #expect(numbers["exponent_neg"]?.double == 0.0025)
        #expect(numbers["leading_dot"]?.double == 0.5)
        #expect(numbers["hex"]?.int == 31)
        #expect(numbers["octal"]?.int == 15)
        #expect(numbers["infinity"]?.double == .infinity)
        #expect(numbers["not_a_number"]?.double?.isNaN == true)
        #expect(numbers["version"]?.double == nil)
        #expect(numbers["dash"]?.double == nil)
        #expect(numbers["dash"]?.string == "-x")
        let quoted = try note("04-quoted-strings.md")
        #expect(quoted["quoted_number"]?.int == nil)
        #expect(quoted["quoted_number"]?.string == "42")
        #expect(quoted["quoted_bool"]?.bool == nil)
        #expect(quoted["quoted_null"]?.isNull == false)
    }

    @Test func dates() throws {
        let dates = try note("23-dates.md")
        #expect(dates["date"]?.date == LocalDate(year: 2026, month: 11, day: 22))
        #expect(dates["quoted_date"]?.date == LocalDate(year: 2026, month: 1, day: 5))
        #expect(dates["leap"]?.date == LocalDate(year: 2024, month: 2, day: 29))
        #expect(dates["not_leap"]?.date == nil)
        #expect(dates["datetime"]?.date == nil)
        #expect(dates["short"]?.date == nil)
        #expect(dates["date"]?.int == nil)
    }

    @Test func listsAndScalarsAsStrings() throws {
        let lists = try note("05-flow-lists.md")
        #expect(lists["quoted"]?.strings == ["a, b", "c", "d"])
        #expect(lists["numbers"]?.list?.map(\.double) == [1, 2.5, -3])
        #expect(lists["empty"]?.list == [])
        #expect(lists["mixed"]?.strings == ["1", "two", "3", "true"])
        #expect(YAMLValue.plain("travel").strings == ["travel"])
        let column0 = try note("07-block-list-column0.md")
        #expect(column0.tags == ["deadline", "travel"])
        #expect(column0["aliases"]?.strings == ["First alias", "second: alias"])
    }

    @Test func escapesAndNonASCII() throws {
        let quoted = try note("04-quoted-strings.md")
        #expect(quoted["single"]?.string == "it's a single-quoted string")
        #expect(quoted["double"]?.string == "say \"hi\" and a back\\slash")
        #expect(quoted["escapes"]?.string == "tab\there\nnewline é A 😀")
        #expect(quoted["spaces"]?.string == "  padded  ")
        let text = try note("17-non-ascii.md")
        #expect(text["title"]?.string == "Café à Zürich")
        #expect(text["place"]?.string == "東京")
        #expect(text["clé"]?.string == "valeur")
        #expect(text.tags == ["été", "日本", "🎉"])
        let long = try note("18-long-values.md")
        #expect((long["long"]?.string?.utf8.count ?? 0) > 5000)
        #expect(long["long"]?.string == long["long_quoted"]?.string)
        #expect(long["long_list"]?.list?.count == 600)
        #expect(long["after"]?.string == "end")
    }

    // MARK: - Writing

    @Test(arguments: [
        ("23:30", "\"23:30\""), ("no", "\"no\""), ("yes", "\"yes\""), ("On", "\"On\""), ("007", "\"007\""),
        ("1:02:03", "\"1:02:03\""), ("2", "2"), ("-3", "-3"), ("2.5", "2.5"), ("true", "true"), ("", ""), ("~", "~"),
        ("deep work", "deep work"), ("a: b", "\"a: b\""), ("- x", "\"- x\""), ("#tag", "\"#tag\""), ("x #y", "\"x #y\""),
        ("[a]", "\"[a]\""), ("café", "café"), (" padded", "\" padded\""), ("line\nbreak", "\"line\\nbreak\""),
    ])
    func plainValuesAreQuotedWhenTheyWouldReadBackDifferently(_ text: String, _ written: String) throws {
        #expect(YAMLWriter.render(.plain(text)) == written)
        // Whatever was written reads back as the same value.
        let note = try Note(parsing: "---\n" + YAMLWriter.line(key: "k", value: .plain(text)) + "\n---\n", path: "x.md")
        #expect(note["k"]?.scalar?.text == text)
        if text == "007" {
            // Deliberate: YAML 1.1 readers take 007 for octal, so it is written (and reads back) as text.
            #expect(note["k"]?.jsonObject == .string("007"))
        } else {
            #expect(note["k"]?.jsonObject == YAMLValue.plain(text).jsonObject)
        }
    }

    @Test(arguments: ["no", "2", "true", "null", "23:30", "2026-11-22", "", "it's", "say \"hi\"", "~", "#x"])
    func stringsAreQuotedWhenPlainWouldNotBeAString(_ text: String) throws {
        let rendered = YAMLWriter.render(.string(text))
        let note = try Note(parsing: "---\nk: " + rendered + "\n---\n", path: "x.md")
        #expect(note["k"]?.scalar?.text == text)
        #expect(note["k"]?.jsonObject == .string(text), "\(rendered)")
    }

    @Test func stringNoIsWrittenQuoted() {
        #expect(YAMLWriter.render(.string("no")) == "\"no\"")
        #expect(YAMLWriter.render(.string("2")) == "\"2\"")
        #expect(YAMLWriter.render(.string("plain words")) == "plain words")
        #expect(YAMLWriter.line(key: "energy", value: .plain("2")) == "energy: 2")
        #expect(YAMLWriter.line(key: "bed", value: .plain("23:30")) == "bed: \"23:30\"")
        #expect(YAMLWriter.line(key: "empty", value: .null) == "empty:")
        #expect(YAMLWriter.line(key: "my key: x", value: .plain("1")) == "\"my key: x\": 1")
        #expect(YAMLWriter.render(.list([.plain("a"), .plain("no"), .plain("3")])) == "[a, \"no\", 3]")
        #expect(YAMLWriter.render(.list([.plain("a, b"), .plain("c]")])) == "[\"a, b\", \"c]\"]")
        #expect(YAMLWriter.render(.list([.null, .plain("a")])) == "[~, a]")
        #expect(YAMLWriter.render(.map([YAMLPair(key: "a,b", value: .plain("{x}"))])) == "{\"a,b\": \"{x}\"}")
    }

    @Test func setValuesReadBackTyped() throws {
        var note = try Note(parsing: "---\nkind: day\n---\n", path: "x.md")
        note.set("bed", to: .plain("23:30"))
        note.set("sick", to: .plain("no"))
        note.set("energy", to: .plain("2"))
        note.set("tags", to: .list([.plain("a, b"), .plain("c]"), .plain("yes")]))
        #expect(note.frontMatter?.text == "kind: day\nbed: \"23:30\"\nsick: \"no\"\nenergy: 2\ntags: [\"a, b\", \"c]\", \"yes\"]\n")
        let back = try Note(parsing: note.text, path: "x.md")
        #expect(back["bed"]?.string == "23:30")
        #expect(back["sick"]?.bool == nil)
        #expect(back["energy"]?.int == 2)
        #expect(back.tags == ["a, b", "c]", "yes"])
    }
}

import Testing
@testable import NoteKit

/// Integers of any size stay exact, explicit tags decide a scalar's type, and valid YAML the line
/// scanner does not split itself (aliases across keys, `? key`, indented keys) reads and edits
/// without touching other keys.
@Suite struct YAMLExactnessTests {
    @Test func integersBeyond64BitsKeepEveryDigit() {
        let cases: [(String, String)] = [
            ("9223372036854775807", "9223372036854775807"), ("9223372036854775808", "9223372036854775808"),
            ("-9223372036854775808", "-9223372036854775808"), ("-9223372036854775809", "-9223372036854775809"),
            ("0x10000000000000000", "18446744073709551616"), ("0xFFFFFFFFFFFFFFFFFF", "4722366482869645213695"),
            ("0o2000000000000000000000", "18446744073709551616"), ("-000123456789012345678901234567890", "-123456789012345678901234567890"),
            ("-0", "0"),
        ]
        for (text, digits) in cases {
            let scalar = YAMLScalar(text)
            #expect(scalar.integerDigits == digits, "\(text)")
            #expect(YAMLValue.plain(text).jsonObject.serialized() == digits, "\(text)")
            #expect(scalar.int == Int(digits), "\(text)")
        }
        #expect(YAMLScalar("\"123456789012345678901234567890\"").integerDigits == nil)
        #expect(YAMLScalar("123456789012345678901234567890", style: .doubleQuoted).integerDigits == nil)
    }

    @Test func signsOnlyBeforeDecimalDigitsAndOnlyOnce() {
        for text in ["+-1", "++1", "--1", "0x-1", "0o-7", "0x+1F", "-0x1F", "+0o17", "1e+-3", "+-.inf", "+.nan", "1+"] {
            #expect(YAMLScalar(text).double == nil, "\(text)")
            #expect(YAMLValue.plain(text).jsonObject == .string(text), "\(text)")
        }
        #expect(YAMLScalar("+5").int == 5)
        #expect(YAMLScalar("-.inf").double == -.infinity)
        #expect(YAMLScalar("0x1F").int == 31)
    }

    @Test func wholeDoublesHaveExactDigits() {
        #expect(CoreInteger.decimalDigits(ofWhole: 1e30) == "1000000000000000019884624838656")
        #expect(CoreInteger.decimalDigits(ofWhole: -18446744073709551616.0) == "-18446744073709551616")
        #expect(CoreInteger.decimalDigits(ofWhole: 42) == "42")
    }

    @Test func whereComparesNumbersExactly() throws {
        func matches(_ condition: String, _ value: String) throws -> Bool {
            try QueryCondition(parsing: condition).matches(.plain(value))
        }
        // Through Double these are the same number.
        #expect(try !matches("id=9007199254740993", "9007199254740992"))
        #expect(try matches("id>9007199254740992", "9007199254740993"))
        #expect(try matches("id=123456789012345678901234567890", "123456789012345678901234567890"))
        #expect(try !matches("id=123456789012345678901234567890", "123456789012345678901234567891"))
        #expect(try matches("id<123456789012345678901234567891", "123456789012345678901234567890"))
        #expect(try matches("id>-123456789012345678901234567891", "-123456789012345678901234567890"))
        #expect(try matches("id=0x10000000000000000", "18446744073709551616"))
        // An integer against a float: 1e30 as a double is ...19884624838656, above 10^30.
        #expect(try matches("id<1e30", "1000000000000000000000000000000"))
        #expect(try matches("id>1e30", "1000000000000000019884624838657"))
        #expect(try matches("id=1e30", "1000000000000000019884624838656"))
        #expect(try matches("n<2.5", "2"))
        #expect(try matches("n>=2.0", "2"))
        #expect(try matches("n<.inf", "123456789012345678901234567890"))
        // Text that only looks like a number compares as text.
        #expect(try matches("v=+-1", "+-1"))
        #expect(try !matches("v=-1", "+-1"))
    }

    @Test func explicitTagsDecideTheType() throws {
        let note = try Note(parsing: "---\na: !!int \"3\"\nb: !!str 3\nc: !!null ''\nd: !!float \"1\"\ne: !!bool \"true\"\nf: ! 12\n---\n", path: "x.md")
        #expect(note["a"]?.jsonObject == .int(3))
        #expect(note["b"]?.jsonObject == .string("3"))
        #expect(note["c"]?.isNull == true)
        #expect(note["d"]?.jsonObject == .double(1))
        #expect(note["e"]?.jsonObject == .bool(true))
        #expect(note["f"]?.jsonObject == .string("12"))
    }

    @Test func aTagThatCannotApplyIsAnErrorAtItsLine() {
        for (text, line, tag) in [("a: 1\nb: !!int \"three\"\n", 3, "!!int"), ("a: !!bool yes\n", 2, "!!bool"),
                                  ("a: 1\nb:\n  - !!null \"x\"\n", 4, "!!null"), ("a: !!float 0x1F\n", 2, "!!float")] {
            #expect {
                try Note(parsing: "---\n" + text + "---\n", path: "x.md")
            } throws: { error in
                guard let diagnostic = error as? Diagnostic else { return false }
                return diagnostic.line == line && diagnostic.message.contains("'\(tag)' cannot apply") && diagnostic.path == "x.md"
            }
        }
    }

    @Test func anAliasToAnotherKeysAnchorReads() throws {
        let note = try Note(parsing: "---\na: &x 1\nb: *x\nc: [*x, 2]\n---\n", path: "x.md")
        #expect(note.frontMatter?.keys == ["a", "b", "c"])
        #expect(note["b"]?.int == 1)
        #expect(note["c"]?.jsonObject.serialized() == "[1,2]")
        #expect(note.line(ofKey: "c") == 4)
    }

    @Test func editingAnAliasedFileKeepsOtherBytesOrRefuses() throws {
        let text = "---\na: &x 1  # anchor\nb: *x\nc: 3\n---\nBody\n"
        var note = try Note(parsing: text, path: "x.md")
        note.set("c", to: .plain("4"))
        #expect(note.text == "---\na: &x 1  # anchor\nb: *x\nc: 4\n---\nBody\n")
        note.set("b", to: .plain("7"))
        #expect(note.text == "---\na: &x 1  # anchor\nb: 7\nc: 4\n---\nBody\n")
        #expect(note.frontMatter?.refusedEdit == nil)
        // Setting the key that holds the anchor would leave the alias undefined: refused, nothing changed.
        var aliased = try Note(parsing: text, path: "x.md")
        aliased.set("a", to: .plain("2"))
        #expect(aliased.text == text)
        #expect(aliased.frontMatter?.refusedEdit?.line == 2)
        #expect(aliased.frontMatter?.refusedEdit?.message.contains("cannot change 'a'") == true)
        var removed = try Note(parsing: text, path: "x.md")
        let didRemove = removed.remove("a")
        #expect(!didRemove)
        #expect(removed.text == text)
    }

    @Test func aUniformlyIndentedMappingReadsAndKeepsItsIndentation() throws {
        let text = "---\n  a: 1\n  # note\n  b: [x, y]\n---\n"
        var note = try Note(parsing: text, path: "x.md")
        #expect(note.frontMatter?.keys == ["a", "b"])
        #expect(note.frontMatter?.entry("a")?.lines == 0..<1)
        note.set("a", to: .plain("2"))
        note.set("new", to: .plain("5"))
        #expect(note.text == "---\n  a: 2\n  # note\n  b: [x, y]\n  new: 5\n---\n")
        #expect(note.frontMatter?.refusedEdit == nil)
        let removedB = note.remove("b")
        #expect(removedB)
        #expect(note.text == "---\n  a: 2\n  # note\n  new: 5\n---\n")
    }

    @Test func explicitKeysReadAndEditOnlyTheirOwnLines() throws {
        let text = "---\n? a\n: 1\n? b\n: [1, 2]\nc: 3\n---\n"
        var note = try Note(parsing: text, path: "x.md")
        #expect(note.frontMatter?.keys == ["a", "b", "c"])
        #expect(note.frontMatter?.entry("b")?.lines == 2..<4)
        #expect(note["b"]?.jsonObject.serialized() == "[1,2]")
        note.set("c", to: .plain("4"))
        #expect(note.text == "---\n? a\n: 1\n? b\n: [1, 2]\nc: 4\n---\n")
        note.set("a", to: .plain("9"))
        #expect(note.text == "---\na: 9\n? b\n: [1, 2]\nc: 4\n---\n")
        #expect(note.frontMatter?.refusedEdit == nil)
    }

    @Test func invalidYAMLKeepsTheScannersDiagnostic() {
        #expect {
            try Note(parsing: "---\n  a: 1\nb: 2\n---\n", path: "x.md")
        } throws: { error in
            (error as? Diagnostic).map { $0.line == 2 && $0.message.contains("indented line with no key above it") } ?? false
        }
        #expect {
            try Note(parsing: "---\nb: *nowhere\n---\n", path: "x.md")
        } throws: { error in
            (error as? Diagnostic).map { $0.line == 2 && $0.message.contains("undefined alias") } ?? false
        }
    }

    /// Two keys on one line (a flow mapping, keys split by a lone CR) or an alias used as a key
    /// leave a key no line of its own, which edits and merges need: refused with the line, never
    /// half read (a merge indexed such a key's empty lines and crashed).
    @Test func keysWithoutALineOfTheirOwnAreRefused() {
        for (text, line) in [("{a: 1, b: 2}\n", 2), ("a: 1\rb: 2\n", 2), ("a: &k name\nb: 1\n*k : 2\nc: *k\n", 2)] {
            #expect("\(text.debugDescription)") {
                try Note(parsing: "---\n" + text + "---\n", path: "x.md")
            } throws: { error in
                guard let diagnostic = error as? Diagnostic else { return false }
                return diagnostic.path == "x.md" && diagnostic.line >= line
            }
        }
    }
}

import Testing
@testable import NoteKit

/// `--where` conditions, queries and sort orders.
@Suite struct QueryTests {
    static func note(_ path: String, _ frontMatter: String) throws -> Note {
        try Note(parsing: "---\n" + frontMatter + "---\nBody\n", path: path)
    }

    @Test(arguments: [
        ("energy=3", "energy", QueryCondition.Operator.equal, "3"),
        ("energy!=3", "energy", .notEqual, "3"),
        ("energy<3", "energy", .less, "3"),
        ("energy<=3", "energy", .lessOrEqual, "3"),
        ("energy>3", "energy", .greater, "3"),
        ("energy>=3", "energy", .greaterOrEqual, "3"),
        ("title~warm", "title", .contains, "warm"),
        (" work_h >= 9.5 ", "work_h", .greaterOrEqual, "9.5"),
        ("bed=\"23:30\"", "bed", .equal, "23:30"),
        ("note='a b'", "note", .equal, "a b"),
        ("a=b=c", "a", .equal, "b=c"),
    ])
    func parsesComparisons(_ text: String, _ key: String, _ op: QueryCondition.Operator, _ operand: String) throws {
        let condition = try QueryCondition(parsing: text)
        #expect(condition == QueryCondition(key: key, op: op, operand: operand))
    }

    @Test func parsesExistsAndAbsent() throws {
        #expect(try QueryCondition(parsing: "sick") == QueryCondition(key: "sick", op: .exists))
        #expect(try QueryCondition(parsing: "!fever_c") == QueryCondition(key: "fever_c", op: .absent))
        #expect(try QueryCondition(parsing: "clé") == QueryCondition(key: "clé", op: .exists))
    }

    @Test(arguments: ["", "=3", "!=3", "<2", "!", "!a=b", "energy=>2x", "a b=3", "!!x", "energy=<", "energy=", "tags~", "energy<= ",
                      "energy\u{2265}2", "''", "'a", "\"a\\q\"=1", "'a' b=1",
                      "k\u{200B}=1", "\u{FEFF}k=1", "k\u{00AD}=1", "k\u{202E}=1", "energy=\u{338}2", "!=\u{338}2"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: QueryError.self, "\(text)") { try QueryCondition(parsing: text) }
    }

    /// Keys are read by scalars: a key written decomposed ends in a combining mark, and a
    /// "prepend" mark (U+0600) makes one Character with the operator after it.
    @Test(arguments: [
        ("cafe\u{0301}>=1", "cafe\u{0301}", QueryCondition.Operator.greaterOrEqual, "1" as String?),
        ("caf\u{00E9} = 2", "caf\u{00E9}", .equal, "2"),
        ("x\u{0600}<3", "x\u{0600}", .less, "3"),
        ("\u{0915}\u{094D}\u{0937}~a", "\u{0915}\u{094D}\u{0937}", .contains, "a"),
        ("'weight (kg)'>=70", "weight (kg)", .greaterOrEqual, "70"),
        ("\"a=b\" != \"c\"", "a=b", .notEqual, "c"),
        ("'it''s'=yes", "it's", .equal, "yes"),
        ("\"tab\\tkey\"=1", "tab\tkey", .equal, "1"),
        ("k='\u{0301}x'", "k", .equal, "\u{0301}x"),
        ("! 'weight (kg)'", "weight (kg)", .absent, nil),
        ("k\u{200D}=1", "k\u{200D}", .equal, "1"),
    ])
    func parsesKeysWithMarksAndQuotes(_ text: String, _ key: String, _ op: QueryCondition.Operator, _ operand: String?) throws {
        let condition = try QueryCondition(parsing: text)
        #expect(condition.key.unicodeScalars.elementsEqual(key.unicodeScalars), "\(text)")
        #expect(condition == QueryCondition(key: key, op: op, operand: operand))
    }

    @Test func decomposedKeyFindsEitherForm() throws {
        let condition = try QueryCondition(parsing: "cafe\u{0301}>=2")
        #expect(condition == QueryCondition(key: "cafe\u{0301}", op: .greaterOrEqual, operand: "2"))
        #expect(try QueryCondition(parsing: "!cafe\u{0301}") == QueryCondition(key: "cafe\u{0301}", op: .absent))
        #expect(try QueryCondition(parsing: "cafe\u{0301}") == QueryCondition(key: "cafe\u{0301}", op: .exists))
        for text in ["caf\u{00E9}: 3\n", "cafe\u{0301}: 3\n"] {
            let note = try Self.note("notes/x.md", text)
            #expect(condition.matches(note[condition.key]), "\(text)")
        }
    }

    @Test func missingKeyMessagesAreUnchanged() {
        for (text, reason) in [("=3", "expected a key name before the operator"), ("a b =3", "expected a key name before the operator; quote it: 'a b'=3"),
                               ("energy=\u{338}2", "'=\u{338}' is not an operator; use !="),
                               ("k<\u{301}x", "'<\u{301}' is not an operator; quote a value that starts with a combining mark"),
                               ("energy\u{2265}2", "not a key name; '\u{2265}' is not an operator, use >="),
                               ("weight (kg)>=70", "expected a key name before the operator; quote it: 'weight (kg)'>=70"),
                               ("it's x=1", "expected a key name before the operator; quote it: 'it''s x'=1"),
                               ("", "not a key name"), ("!a=b", "'!' must be followed by a key name alone")] {
            #expect(throws: QueryError(expression: text, reason: reason)) { try QueryCondition(parsing: text) }
        }
    }

    func matches(_ condition: String, _ value: YAMLValue?) throws -> Bool {
        try QueryCondition(parsing: condition).matches(value)
    }

    @Test func numericComparison() throws {
        #expect(try matches("energy<=2", .plain("2")))
        #expect(try matches("energy<=2", .plain("1.5")))
        #expect(try !matches("energy<=2", .plain("3")))
        // Numerically 10 > 9, though "10" < "9" as text.
        #expect(try matches("work_h>9", .plain("10")))
        #expect(try matches("energy=2", .plain("2.0")))
        #expect(try matches("p>=1e-1", .plain("0.35")))
        #expect(try matches("t>-1", .plain("0")))
        #expect(try !matches("energy!=2", .plain("2")))
        #expect(try matches("energy!=2", .plain("3")))
    }

    @Test func stringAndDateComparison() throws {
        #expect(try matches("date>=2026-11-01", .plain("2026-11-22")))
        #expect(try !matches("date<2026-11-01", .plain("2026-11-22")))
        #expect(try matches("date=2026-11-22", .string("2026-11-22")))
        #expect(try matches("bed>=23:00", .string("23:30")))
        #expect(try !matches("bed<23:00", .string("23:30")))
        #expect(try matches("status=done", .plain("done")))
        #expect(try !matches("status=Done", .plain("done")))
        #expect(try matches("title~WARM", .plain("Warmup schedule")))
        #expect(try !matches("title~cold", .plain("Warmup schedule")))
        #expect(try matches("sick=no", .plain("no")))
        #expect(try matches("sick=false", .plain("false")))
        // A quoted number in the file is text, compared as text.
        #expect(try matches("energy=3", .string("3")))
    }

    @Test func listsTestMembershipAndContainment() throws {
        let tags = YAMLValue.list([.plain("deadline"), .plain("travel")])
        #expect(try matches("tags=travel", tags))
        #expect(try matches("tags~travel", tags))
        #expect(try !matches("tags=trav", tags))
        // `~` is "some item contains", case-insensitive, as on text.
        #expect(try matches("tags~trav", tags))
        #expect(try matches("tags~DEAD", tags))
        #expect(try !matches("tags~dead line", tags))
        #expect(try !matches("tags~home", tags))
        #expect(try matches("title~arm", .string("Warmup")))
        #expect(try !matches("title~cold", .string("Warmup")))
        #expect(try !matches("tags=home", tags))
        #expect(try matches("tags!=home", tags))
        #expect(try !matches("tags!=travel", tags))
        let glucose = YAMLValue.list([.plain("95"), .plain("190")])
        #expect(try matches("glucose_mgdl>180", glucose))
        #expect(try !matches("glucose_mgdl>200", glucose))
        #expect(try matches("glucose_mgdl<100", glucose))
    }

    @Test(arguments: ["energy=3", "energy!=3", "energy<3", "energy<=3", "energy>3", "energy>=3", "energy~3", "energy"])
    func missingAndNullNeverMatch(_ condition: String) throws {
        #expect(try !matches(condition, nil))
        #expect(try !matches(condition, .null))
        #expect(try !matches(condition, .plain("~")))
        #expect(try !matches(condition, .plain("null")))
        #expect(try !matches("!energy", .plain("3")))
        #expect(try matches("!energy", nil))
        #expect(try matches("!energy", .null))
    }

    @Test func existsOnRecordedValues() throws {
        #expect(try matches("sick", .plain("false")))
        #expect(try matches("energy", .plain("0")))
        #expect(try matches("title", .string("")))
    }

    @Test func queryFiltersKindsTagsAndDates() throws {
        let day1 = try Self.note("days/2026/2026-11-20.md", "energy: 2\ntags: [travel, deadline]\n")
        let day2 = try Self.note("days/2026/2026-11-22.md", "energy: 4\ntags: travel\n")
        let experiment = try Self.note("experiments/2026/2026-11-21-warmup.md", "kind: experiment\ntags: [ml]\n")
        let undated = try Self.note("notes/ideas.md", "tags: [travel]\n")
        let retyped = try Self.note("notes/2026-11-19.md", "kind: day\n")
        let all = [day1, day2, experiment, undated, retyped]
        func paths(_ query: Query) -> [String] { all.filter(query.matches).map(\.path) }

        #expect(paths(Query()) == all.map(\.path))
        #expect(paths(Query(kinds: [.day])) == [day1.path, day2.path, retyped.path])
        #expect(paths(Query(kinds: [.experiment, .note])) == [experiment.path, undated.path])
        #expect(paths(Query(tags: ["travel"])) == [day1.path, day2.path, undated.path])
        #expect(paths(Query(tags: ["travel", "deadline"])) == [day1.path])
        #expect(paths(Query(since: LocalDate("2026-11-21"))) == [day2.path, experiment.path])
        #expect(paths(Query(until: LocalDate("2026-11-20"))) == [day1.path, retyped.path])
        #expect(paths(Query(since: LocalDate("2026-11-20"), until: LocalDate("2026-11-21"))) == [day1.path, experiment.path])
        let conditions = [try QueryCondition(parsing: "energy<3")]
        #expect(paths(Query(conditions: conditions)) == [day1.path])
        #expect(paths(Query(kinds: [.day], tags: ["travel"], conditions: [try QueryCondition(parsing: "energy>=3")])) == [day2.path])
    }

    @Test func tagsAreFoundInBodiesToo() throws {
        let both = try Note(parsing: "---\ntags: [travel]\n---\nA #deadline today.\n", path: "days/2026/2026-11-20.md")
        let bodyOnly = try Note(parsing: "Packing for #travel.\n", path: "notes/trip.md")
        let inCode = try Note(parsing: "`#travel` is a tag.\n", path: "notes/code.md")
        let all = [both, bodyOnly, inCode]
        func paths(_ query: Query) -> [String] { all.filter(query.matches).map(\.path) }
        #expect(paths(Query(tags: ["travel"])) == [both.path, bodyOnly.path])
        #expect(paths(Query(tags: ["travel", "deadline"])) == [both.path])
        #expect(paths(Query(tags: ["deadline"])) == [both.path])
        #expect(both.allTags == ["travel", "deadline"])
        // `tags: ["#work"]` is the tag work, as in Obsidian, and meets a body's #work.
        let hashed = try Note(parsing: "---\ntags: [\"#work\", plain]\n---\nMore #work.\n", path: "notes/hashed.md")
        #expect(hashed.tags == ["work", "plain"])
        #expect(hashed.allTags == ["work", "plain"])
        #expect(Query(tags: ["work"]).matches(hashed))
    }

    @Test func sortOrders() throws {
        let a = try Self.note("a.md", "energy: 3\ndate: 2026-11-02\n")
        let b = try Self.note("b.md", "energy: 10\ndate: 2026-11-01\n")
        let c = try Self.note("c.md", "date: 2026-11-03\n")
        let d = try Self.note("d.md", "energy: ~\n")
        let e = try Self.note("e.md", "energy: 3\n")
        let notes = [d, c, b, a, e]
        func paths(_ order: SortOrder) -> [String] { order.sorted(notes).map(\.path) }
        // Numbers compare as numbers (3 < 10); ties by path; missing and null last both ways.
        #expect(paths(SortOrder(parsing: "energy")) == ["a.md", "e.md", "b.md", "c.md", "d.md"])
        #expect(paths(SortOrder(parsing: "-energy")) == ["b.md", "a.md", "e.md", "c.md", "d.md"])
        #expect(paths(.byDate) == ["b.md", "a.md", "c.md", "d.md", "e.md"])
        #expect(paths(SortOrder(parsing: "-date")) == ["c.md", "a.md", "b.md", "d.md", "e.md"])
        #expect(paths(SortOrder(parsing: "-path")) == ["e.md", "d.md", "c.md", "b.md", "a.md"])
        #expect(SortOrder(parsing: "-work_h") == SortOrder(field: "work_h", descending: true))
        let texts = [try Self.note("x.md", "bed: \"23:30\"\n"), try Self.note("y.md", "bed: \"07:00\"\n"), try Self.note("z.md", "")]
        #expect(SortOrder(parsing: "bed").sorted(texts).map(\.path) == ["y.md", "x.md", "z.md"])
        #expect(SortOrder(parsing: "-bed").sorted(texts).map(\.path) == ["x.md", "y.md", "z.md"])
    }
}

import Testing
@testable import NoteKit

/// Searching one entry's bytes: body lines with the file's line numbers, one front-matter field,
/// kind and date filters, and files that are not text.
@Suite struct GrepQueryTests {
    static let day = """
        ---
        kind: day
        date: 2026-11-22
        energy: 3  # tired
        mood: 4
        tags: [travel, sick]
        places:
          - Lyon
          - Paris
        ---

        ## Log
        - 09:10 travel to Lyon
        - 18:00 energy low, sick

        """

    func search(_ text: String, path: String = "days/2026/2026-11-22.md", _ pattern: String, field: String? = nil,
                kinds: Set<NoteKind> = [], since: LocalDate? = nil, until: LocalDate? = nil) throws -> GrepFileResult {
        let query = GrepQuery(matcher: try GrepMatcher(pattern: pattern), kinds: kinds, since: since, until: until, field: field)
        return Array(text.utf8).withUnsafeBufferPointer { query.search($0, path: path) }
    }

    func hits(_ result: GrepFileResult) -> [GrepHit] {
        if case .searched(let hits, _) = result { return hits }
        return []
    }

    @Test func searchesTheBodyOnlyWithTheFilesOwnLineNumbers() throws {
        let found = hits(try search(Self.day, "travel|energy|sick"))
        #expect(found.map(\.line) == [13, 14])
        #expect(found.map(\.text) == ["- 09:10 travel to Lyon", "- 18:00 energy low, sick"])
        #expect(found.allSatisfy { $0.field == nil && $0.kind == .day && $0.date == LocalDate("2026-11-22") })
    }

    @Test func findsWhereTheBodyStarts() {
        func layout(_ text: String) -> EntryLayout { Array(text.utf8).withUnsafeBufferPointer { EntryLayout($0) } }
        #expect(layout("---\na: 1\n---\nbody\n").bodyFirstLine == 4)
        #expect(layout("---\na: 1\n---\nbody\n").bodyStart == 13)
        #expect(layout("\u{FEFF}---\r\na: 1\r\n...  \r\nbody\r\n").bodyFirstLine == 4)
        #expect(layout("---\na: 1\n---").bodyStart == 12)
        // No front-matter, or one never closed: the whole file is body.
        #expect(layout("just text\n---\n").frontMatter == nil)
        #expect(layout("---\na: 1\nno fence\n").bodyFirstLine == 1)
        #expect(layout("\u{FEFF}text").bodyStart == 3)
        // `---x` and a fence without its line end are not fences.
        #expect(layout("---x\na\n---\n").frontMatter == nil)
        #expect(layout("---").frontMatter == nil)
    }

    @Test func aFieldIsSearchedValueByValueOnItsOwnLine() throws {
        let energy = hits(try search(Self.day, "^3$", field: "energy"))
        #expect(energy.map(\.line) == [4])
        #expect(energy.map(\.text) == ["3"])
        #expect(energy.first?.field == "energy")

        let tags = hits(try search(Self.day, "^sick$", field: "tags"))
        #expect(tags.map(\.text) == ["sick"])
        #expect(tags.map(\.line) == [6])
        // Items are matched one by one: nothing spans two of them.
        #expect(hits(try search(Self.day, "travel.*sick", field: "tags")).isEmpty)

        let places = hits(try search(Self.day, "a", field: "places"))
        #expect(places.map(\.text) == ["Lyon", "Paris"].filter { $0.contains("a") })
        #expect(places.map(\.line) == [9])
        let lyon = hits(try search(Self.day, "Lyon", field: "places"))
        #expect(lyon.map(\.line) == [8])

        #expect(hits(try search(Self.day, ".", field: "absent")).isEmpty)
        // The body's "energy low" is not the energy field.
        #expect(hits(try search(Self.day, "low", field: "energy")).isEmpty)
    }

    @Test func aFieldSearchReportsFrontMatterItCannotRead() throws {
        let broken = "---\nenergy: 3\nenergy: 4\n---\nbody energy\n"
        guard case .unreadable(let diagnostic) = try search(broken, "3", field: "energy") else {
            Issue.record("expected a diagnostic")
            return
        }
        #expect(diagnostic.line == 3 && diagnostic.message.contains("appears twice"))
        // The body search needs no YAML, so the same file is searched.
        #expect(hits(try search(broken, "energy")).map(\.line) == [5])
    }

    @Test func filtersByKindAndDateFromFrontMatterElseFromThePath() throws {
        let note = "---\nkind: recipe\n---\nsoup\n"
        #expect(hits(try search(note, path: "notes/soup.md", "soup", kinds: ["recipe"])).count == 1)
        guard case .filteredOut = try search(note, path: "notes/soup.md", "soup", kinds: [.note]) else {
            Issue.record("a recipe is not a note")
            return
        }
        let plain = "soup\n"
        #expect(hits(try search(plain, path: "notes/soup.md", "soup", kinds: [.note])).first?.kind == .note)
        let dated = "days/2026/2026-11-20.md"
        #expect(hits(try search(plain, path: dated, "soup", since: LocalDate("2026-11-20"), until: LocalDate("2026-11-20"))).count == 1)
        guard case .filteredOut = try search(plain, path: dated, "soup", since: LocalDate("2026-11-21")) else {
            Issue.record("before --since")
            return
        }
        // date: wins over the file name; an entry without a date fails a date range.
        #expect(hits(try search("---\ndate: 2026-01-01\n---\nsoup\n", path: dated, "soup", until: LocalDate("2026-01-01"))).count == 1)
        guard case .filteredOut = try search(plain, path: "notes/soup.md", "soup", since: LocalDate("2000-01-01")) else {
            Issue.record("no date")
            return
        }
    }

    @Test func binaryFilesAreNotSearchedAsText() throws {
        let binary = "---\nkind: note\n---\nsecret\u{0}\u{1}\n"
        guard case .binary(let matched) = try search(binary, "secret") else {
            Issue.record("expected binary")
            return
        }
        #expect(matched)
        guard case .binary(false) = try search(binary, "absent") else {
            Issue.record("expected no binary match")
            return
        }
    }

    @Test func invalidUTF8IsSearchedAndFlagged() {
        let bytes: [UInt8] = Array("---\nkind: note\n---\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x0A]
        let query = GrepQuery(matcher: try! GrepMatcher(pattern: "caf"))
        let result = bytes.withUnsafeBufferPointer { query.search($0, path: "notes/latin1.md") }
        guard case .searched(let hits, let invalid) = result else {
            Issue.record("expected a search")
            return
        }
        #expect(invalid)
        #expect(hits.map(\.line) == [4])
        #expect(hits.map(\.text) == ["caf\u{FFFD}"])
    }
}

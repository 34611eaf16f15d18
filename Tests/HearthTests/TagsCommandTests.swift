import Foundation
import TestSupport
import Testing

/// Issue 17, "Tags": `hearth tags`, `list --tag` finding body `#tags`, and `~` as "contains".
@Suite struct TagsCommandTests {
    /// Tags in every form: flow, block and scalar `tags:`, body `#tags`, and `#` words that are
    /// no tags (code, a link's anchor, a fenced block, a number, a heading).
    static func notebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-18.md",
                           "---\nkind: day\ndate: 2026-11-18\ntags: [travel, deadline]\n---\n## Log\nFlight delayed. #travel #airport\n")
        try notebook.write("days/2026/2026-11-19.md",
                           "---\nkind: day\ndate: 2026-11-19\ntags:\n  - work\n---\n## Log\nLong day at #work, then `#notatag` "
                           + "and [a link](http://example.org/#frag).\n```\n#fenced\n```\n")
        try notebook.write("days/2026/2026-11-20.md",
                           "---\r\nkind: day\r\ndate: 2026-11-20\r\ntags: travel\r\n---\r\n#home/garden time. Issue #42.\r\n")
        try notebook.write("notes/ideas.md", "Someday: #travel to #japan.\n")
        try notebook.write("experiments/2026/2026-11-21-warmup.md",
                           "---\nkind: experiment\ndate: 2026-11-21\ntitle: Morning warmup\n---\n#work experiment\n")
        try notebook.commitAll("tagged entries")
        return notebook
    }

    /// Each line of a plain listing as its words: count, tag, last used.
    static func rows(_ result: ProcessResult) -> [[String]] {
        result.stdoutLines.map { $0.split(separator: " ").map(String.init) }
    }

    @Test func everyTagWithItsCountAndLastUse() throws {
        let notebook = try Self.notebook()
        let result = try notebook.hearth("tags")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(Self.rows(result) == [
            ["3", "travel", "2026-11-20"],
            ["2", "work", "2026-11-21"],
            ["1", "airport", "2026-11-18"],
            ["1", "deadline", "2026-11-18"],
            ["1", "home/garden", "2026-11-20"],
            ["1", "japan", "-"],
        ])
        // Columns line up (the last use starts at the same place on every line); a pipe gets no colour.
        let lastColumn = Set(result.stdoutLines.map { $0.count - ($0.split(separator: " ").last?.count ?? 0) })
        #expect(lastColumn == [16], "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func colourOnATerminalUnlessNoColor() throws {
        let notebook = try Self.notebook()
        let coloured = try notebook.hearthOnTerminal(["tags"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(coloured.stdoutData.contains(0x1B) && coloured.stdout.contains("travel"), "\(coloured)")
        let plain = try notebook.hearthOnTerminal(["tags"], environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(!plain.stdoutData.contains(0x1B) && plain.stdout.contains("travel"), "\(plain)")
    }

    @Test(arguments: [
        (["--kind", "day"], [["2", "travel", "2026-11-20"], ["1", "airport", "2026-11-18"], ["1", "deadline", "2026-11-18"],
                             ["1", "home/garden", "2026-11-20"], ["1", "work", "2026-11-19"]]),
        (["--since", "2026-11-20"], [["1", "home/garden", "2026-11-20"], ["1", "travel", "2026-11-20"], ["1", "work", "2026-11-21"]]),
        (["--until", "2026-11-19"], [["1", "airport", "2026-11-18"], ["1", "deadline", "2026-11-18"],
                                     ["1", "travel", "2026-11-18"], ["1", "work", "2026-11-19"]]),
        (["--since", "2026-11-19", "--until", "2026-11-20", "--kind", "day"],
         [["1", "home/garden", "2026-11-20"], ["1", "travel", "2026-11-20"], ["1", "work", "2026-11-19"]]),
        (["--since", "2027-01-01"], []),
    ])
    func filtersChooseTheEntriesCounted(arguments: [String], expected: [[String]]) throws {
        let notebook = try Self.notebook()
        let result = try notebook.hearth(["tags"] + arguments)
        #expect(result.status == 0, "\(result)")
        #expect(Self.rows(result) == expected, "\(result)")
    }

    @Test func jsonHasOneObjectPerTag() throws {
        let notebook = try Self.notebook()
        let result = try notebook.hearth("tags", "--json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "[",
            #"{"tag":"travel","count":3,"last_used":"2026-11-20"},"#,
            #"{"tag":"work","count":2,"last_used":"2026-11-21"},"#,
            #"{"tag":"airport","count":1,"last_used":"2026-11-18"},"#,
            #"{"tag":"deadline","count":1,"last_used":"2026-11-18"},"#,
            #"{"tag":"home/garden","count":1,"last_used":"2026-11-20"},"#,
            #"{"tag":"japan","count":1,"last_used":null}"#,
            "]",
        ])
        let none = try notebook.hearth("tags", "--json", "--kind", "person")
        #expect(none.status == 0 && none.stdout == "[]\n", "\(none)")
    }

    @Test func editsBehindHearthsBackAreSeen() throws {
        let notebook = try Self.notebook()
        let (before, _) = try notebook.warmQueryCache(["tags"])
        #expect(Self.rows(before).map { $0[1] }.contains("japan"))
        // A new body, as another program writes it.
        try notebook.write("notes/ideas.md", "Someday: #travel to #kyoto, by #train.\n")
        // The same size and times, rewritten in place: a body tag renamed.
        let day = "days/2026/2026-11-19.md"
        let times = try notebook.fileStatus(day)
        let edited = try notebook.text(day).replacingOccurrences(of: "Long day at #work,", with: "Long day at #play,")
        try notebook.overwrite(day, with: edited, inPlace: true, keeping: times)
        let (after, trace) = try notebook.traced(["tags"])
        #expect(after.status == 0, "\(after)")
        #expect(trace.entries == 5, "\(trace)")
        #expect(Self.rows(after) == [
            ["3", "travel", "2026-11-20"],
            ["2", "work", "2026-11-21"],
            ["1", "airport", "2026-11-18"],
            ["1", "deadline", "2026-11-18"],
            ["1", "home/garden", "2026-11-20"],
            ["1", "kyoto", "-"],
            ["1", "play", "2026-11-19"],
            ["1", "train", "-"],
        ], "\(after)")
        // `tags: [work]` still holds on that day; its body tag changed.
        let play = try notebook.hearth("list", "--tag", "play")
        #expect(play.stdoutLines.count == 1 && play.stdout.contains(day), "\(play)")
    }

    @Test(arguments: [
        (["--tag", "japan"], ["notes/ideas.md"]),
        (["--tag", "#japan"], ["notes/ideas.md"]),
        (["--tag", "airport"], ["days/2026/2026-11-18.md"]),
        (["--tag", "travel"], ["days/2026/2026-11-18.md", "days/2026/2026-11-20.md", "notes/ideas.md"]),
        (["--tag", "travel", "--tag", "airport"], ["days/2026/2026-11-18.md"]),
        (["--tag", "work", "--kind", "experiment"], ["experiments/2026/2026-11-21-warmup.md"]),
        (["--tag", "home/garden"], ["days/2026/2026-11-20.md"]),
        (["--tag", "fenced"], []),
        (["--tag", "notatag"], []),
        (["--tag", "frag"], []),
        (["--tag", "42"], []),
    ])
    func listFindsBodyTags(arguments: [String], expected: [String]) throws {
        let notebook = try Self.notebook()
        // Once to fill the query cache and once from it: both must read the bodies they need.
        let (result, _) = try notebook.warmQueryCache(["list"] + arguments)
        #expect(result.status == 0, "\(result)")
        #expect(QueryCacheTests.paths(result) == expected, "\(result)")
    }

    @Test(arguments: [
        ("tags~dead", ["days/2026/2026-11-18.md"]),
        ("tags~TRAV", ["days/2026/2026-11-18.md", "days/2026/2026-11-20.md"]),
        ("tags~or", ["days/2026/2026-11-19.md"]),
        ("tags=trav", []),
        ("tags~xyz", []),
        ("title~warm", ["experiments/2026/2026-11-21-warmup.md"]),
        ("title~WARMUP", ["experiments/2026/2026-11-21-warmup.md"]),
        ("title~cold", []),
    ])
    func containsMatchesTextAndListItems(condition: String, expected: [String]) throws {
        if condition == "tags~dead" {
            // An empty tag names nothing: a usage error, not an empty listing.
            let empty = try Self.notebook().hearth("list", "--tag", "#")
            #expect(empty.status == 2 && empty.stderr.contains("names no tag"), "\(empty)")
        }
        let notebook = try Self.notebook()
        let result = try notebook.hearth("list", "--where", condition)
        #expect(result.status == 0, "\(result)")
        #expect(QueryCacheTests.paths(result) == expected, "\(result)")
    }
}

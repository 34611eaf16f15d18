import Foundation
import TestSupport
import Testing

/// Issue 17's tag leftovers: body tags kept in the query cache (a warm `hearth tags` or
/// `list --tag` reads no body), the bodies' quoted fences and HTML comments, symbols in tags as
/// Obsidian reads them, `list --tag --json` showing body tags, and `hearth tags` columns
/// aligned on a terminal whatever the script.
@Suite struct TagsCacheTests {
    @Test func aWarmRunReadsNoBody() throws {
        let notebook = try TagsCommandTests.notebook()
        try notebook.warmQueryCache(["tags"])
        let watch = try EntryOpenWatch(root: notebook.root.standardizedFileURL)
        let (tags, tagsTrace) = try notebook.traced(["tags"])
        #expect(tags.status == 0 && tags.stdout.contains("japan"), "\(tags)")
        #expect(tagsTrace.hits == 5 && tagsTrace.misses == 0, "\(tagsTrace)")
        // `airport` and `japan` are in bodies only; `travel` in both.
        let (listed, listTrace) = try notebook.traced(["list", "--tag", "japan"])
        #expect(QueryCacheTests.paths(listed) == ["notes/ideas.md"], "\(listed)")
        #expect(listTrace.hits == 5, "\(listTrace)")
        let airport = try notebook.hearth("list", "--tag", "airport", "--tag", "travel", "--json")
        #expect(airport.stdout.contains("2026-11-18.md") && airport.stdout.contains(#""body_tags":["travel","airport"]"#), "\(airport)")
        #expect(watch.openedEntries() == [], "a warm run opened entries")
        // The watch sees opens: a file whose stamp changed is read again, and only that one.
        try notebook.run("touch", "notes/ideas.md")
        _ = watch.openedEntries()  // touch's own open
        let again = try notebook.hearth("tags")
        #expect(again.stdout.contains("japan"), "\(again)")
        #expect(watch.openedEntries() == ["notes/ideas.md"])
    }

    @Test func aBodyReadByAnotherCommandRecordsItsTags() throws {
        let notebook = try TagsCommandTests.notebook()
        try notebook.warmQueryCache(["list", "--tag", "kyoto"])
        // The front-matter stays byte for byte the same; the body gains a tag. `check` reads the
        // body, finds the head it has cached, and must not keep the old body tags with the new stamp.
        try notebook.write("notes/ideas.md", "Someday: #travel to #japan and #kyoto.\n")
        try notebook.write("days/2026/2026-11-18.md",
                           "---\nkind: day\ndate: 2026-11-18\ntags: [travel, deadline]\n---\n## Log\nFlight delayed. #travel #kyoto\n")
        notebook.settle()
        try notebook.hearth("check")
        let (listed, trace) = try notebook.traced(["list", "--tag", "kyoto"])
        #expect(trace.hits == trace.entries, "list read files again, so this shows nothing: \(trace)")
        #expect(QueryCacheTests.paths(listed) == ["days/2026/2026-11-18.md", "notes/ideas.md"], "\(listed)")
    }

    @Test func quotedFencesAndCommentsHoldNoTags() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/quoted.md", """
            > a quote with #quoted in it
            > ```
            > #inquotedcode
            > ```
            > ~~~
            > #unclosed in a quote
            after the quote #free
            <!-- #notatag --> #aftercomment
            <!--
            #incomment
            ``` not a fence inside a comment
            -->
            #last

            """)
        try notebook.commitAll("quoted")
        let (first, _) = try notebook.warmQueryCache(["tags"])
        #expect(TagsCommandTests.rows(first).map { $0[1] } == ["aftercomment", "free", "last", "quoted"], "\(first)")
        let none = try notebook.hearth("list", "--tag", "inquotedcode")
        #expect(none.status == 0 && none.stdout.isEmpty, "\(none)")
        let comment = try notebook.hearth("list", "--tag", "notatag")
        #expect(comment.status == 0 && comment.stdout.isEmpty, "\(comment)")
    }

    @Test func symbolsInTagsAsObsidianReadsThem() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/symbols.md", "#brand™ at #20°C, paid in #€uro… #it’s #wait—what #a+b\n")
        try notebook.commitAll("symbols")
        let result = try notebook.hearth("tags")
        #expect(result.status == 0, "\(result)")
        #expect(Set(TagsCommandTests.rows(result).map { $0[1] }) == ["brand™", "20°C", "€uro", "it", "wait", "a"], "\(result)")
        let brand = try notebook.hearth("list", "--tag", "brand™")
        #expect(QueryCacheTests.paths(brand) == ["notes/symbols.md"], "\(brand)")
    }

    @Test func listJSONShowsBodyTagsWithTag() throws {
        let notebook = try TagsCommandTests.notebook()
        for _ in 0..<2 {
            let result = try notebook.hearth("list", "--tag", "travel", "--json")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdoutLines == [
                "[",
                #"{"path":"days/2026/2026-11-18.md","kind":"day","date":"2026-11-18","tags":["travel","deadline"],"body_tags":["travel","airport"]},"#,
                #"{"path":"days/2026/2026-11-20.md","kind":"day","date":"2026-11-20","tags":"travel","body_tags":["home/garden"]},"#,
                #"{"path":"notes/ideas.md","body_tags":["travel","japan"]}"#,
                "]",
            ], "\(result)")
        }
        // Without --tag, rows are front-matter only, as before.
        let plain = try notebook.hearth("list", "--kind", "experiment", "--json")
        #expect(!plain.stdout.contains("body_tags"), "\(plain)")
    }

    @Test func tagColumnsLineUpOnATerminal() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/wide.md", "---\ntags: [日本, 📚, abc, ab]\n---\n#café #👩‍💻\n")
        try notebook.write("notes/more.md", "---\ntags: [abc]\n---\n")
        try notebook.commitAll("wide")
        let result = try notebook.hearth("tags")
        #expect(result.status == 0, "\(result)")
        // 日本 and 📚 take two columns each, cafe with its accent four, 👩 two (the joiner ends the tag).
        #expect(result.stdoutLines == [
            "2  abc   -",
            "1  ab    -",
            "1  café  -",
            "1  日本  -",
            "1  👩    -",
            "1  📚    -",
        ], "\(result)")
    }

    /// `hearth list` pads its columns by terminal width too: a wide path does not push the
    /// next column out of line.
    @Test func listColumnsLineUpOnATerminal() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/日本.md", "---\nkind: note\ndate: 2026-11-20\ntitle: Tokyo\n---\n")
        try notebook.write("notes/abcdefg.md", "---\nkind: note\ndate: 2026-11-21\ntitle: Latin\n---\n")
        let result = try notebook.hearth("list", "--kind", "note")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "2026-11-20  note  notes/日本.md     Tokyo",
            "2026-11-21  note  notes/abcdefg.md  Latin",
        ], "\(result)")
    }

    /// A notebook of many folders under a low limit of open files (macOS's default is 256): the
    /// warm scan must not hold a descriptor per folder, or the reads after it fail and entries
    /// drop out of `tags`.
    @Test func manyFoldersUnderALowOpenFileLimit() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        for index in 0..<300 {
            try notebook.write("notes/f\(index)/n.md", "---\nkind: note\ntitle: n\(index)\n---\n#t1\n")
        }
        try notebook.commitAll("many folders")
        try notebook.hearth("tags").requireSuccess()
        try notebook.write("notes/f5/n.md", "---\nkind: note\ntitle: n5\n---\n#t1 #t2\n")
        let binary = try #require(HearthBinary.url)
        let capped = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "ulimit -n 200; exec '\(binary.path)' tags"],
                                           in: notebook.root, environment: notebook.environment())
        #expect(capped.status == 0 && capped.stderr.isEmpty, "\(capped)")
        #expect(capped.stdoutLines.first?.hasPrefix("300  t1") == true && capped.stdoutLines.contains { $0.hasPrefix("  1  t2") }, "\(capped.stdout)")
    }
}

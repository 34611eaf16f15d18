import Foundation
import TestSupport
import Testing

/// `hearth grep` over the files as they are: grep's output and exit codes, fields, filters, JSON,
/// colour, and files that are not text, on notebooks written by hearth itself.
@Suite struct GrepCommandTests {
    static let today = "days/2026/2026-11-22.md"

    /// A notebook with two days and a note, written through hearth.
    func notebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("set", "today", "energy=3", "tags=[travel, sick]").requireSuccess()
        try notebook.hearth("jot", "talk to Sam about the GPU offer").requireSuccess()
        try notebook.hearth("done", "ship", "the gpu benchmark").requireSuccess()
        try notebook.hearth("new", "day", "--date", "2026-11-20", "--no-edit", "--set", "energy=1").requireSuccess()
        try notebook.hearth("jot", "--date", "2026-11-20", "gpu cluster down again").requireSuccess()
        try notebook.hearth("new", "note", "--title", "GPU shopping", "--no-edit", "--set", "tags=[gpu, money]").requireSuccess()
        return notebook
    }

    /// The 1-based numbers of the lines of `path` containing `needle`.
    func lineNumbers(_ notebook: TemporaryNotebook, _ path: String, containing needle: String) throws -> [Int] {
        try notebook.text(path).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains(needle) }.map { $0.offset + 1 }
    }

    func json(_ result: ProcessResult) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
    }

    @Test func printsPathLineAndTextForEveryMatchingBodyLine() throws {
        let notebook = try notebook()
        let before = try notebook.snapshot()
        let result = try notebook.hearth("grep", "GPU|gpu")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let samLine = try #require(try lineNumbers(notebook, Self.today, containing: "talk to Sam").first)
        let shipLine = try #require(try lineNumbers(notebook, Self.today, containing: "ship: the gpu benchmark").first)
        let clusterLine = try #require(try lineNumbers(notebook, "days/2026/2026-11-20.md", containing: "gpu cluster").first)
        let samText = try notebook.text(Self.today).split(separator: "\n", omittingEmptySubsequences: false)[samLine - 1]
        let clusterText = try notebook.text("days/2026/2026-11-20.md").split(separator: "\n", omittingEmptySubsequences: false)[clusterLine - 1]
        let headingLine = try #require(try lineNumbers(notebook, "notes/gpu-shopping.md", containing: "# GPU shopping").first)
        #expect(result.stdoutLines == [
            "days/2026/2026-11-20.md:\(clusterLine):\(clusterText)",
            "\(Self.today):\(shipLine):- ship: the gpu benchmark",
            "\(Self.today):\(samLine):\(samText)",
            "notes/gpu-shopping.md:\(headingLine):# GPU shopping",
        ], "\(result)")
        // Front-matter is not the body: the note's `title:` and `tags: [gpu, money]` lines are not searched.
        #expect(!result.stdout.contains("title:") && !result.stdout.contains("tags:"), "\(result)")
        #expect(try notebook.snapshot() == before, "grep changed a file")
    }

    @Test func ignoresCaseWithDashI() throws {
        let notebook = try notebook()
        let exact = try notebook.hearth("grep", "GPU")
        #expect(exact.stdoutLines.count == 2, "\(exact)")
        #expect(exact.stdout.contains("the GPU offer") && exact.stdout.contains("# GPU shopping"), "\(exact)")
        let folded = try notebook.hearth("grep", "-i", "GPU")
        #expect(folded.stdoutLines.count == 4, "\(folded)")
        #expect(try notebook.hearth("grep", "--ignore-case", "GPU").stdout == folded.stdout)
    }

    @Test func searchesOneFieldScalarOrListItemByItem() throws {
        let notebook = try notebook()
        let energyLine = try #require(try lineNumbers(notebook, Self.today, containing: "energy:").first)
        let energy = try notebook.hearth("grep", "--field", "energy", "^3$")
        #expect(energy.status == 0, "\(energy)")
        #expect(energy.stdout == "\(Self.today):\(energyLine):energy: 3\n", "\(energy)")

        let tagsLine = try #require(try lineNumbers(notebook, Self.today, containing: "tags:").first)
        let tags = try notebook.hearth("grep", "--field", "tags", "^(sick|gpu)$")
        let notePath = "notes/gpu-shopping.md"
        let noteTagsLine = try #require(try lineNumbers(notebook, notePath, containing: "tags:").first)
        #expect(tags.stdoutLines == ["\(Self.today):\(tagsLine):tags: sick", "\(notePath):\(noteTagsLine):tags: gpu"], "\(tags)")
        // Items are separate values: no match spans two of them.
        let across = try notebook.hearth("grep", "--field", "tags", "travel.*sick")
        #expect(across.status == 1 && across.stdout.isEmpty, "\(across)")
        // The body mentions gpu, the energy field never does.
        #expect(try notebook.hearth("grep", "--field", "energy", "gpu").status == 1)
    }

    @Test func filtersByKindAndByTheEntrysDateInclusive() throws {
        let notebook = try notebook()
        try notebook.write("notes/gpu-shopping.md", try notebook.text("notes/gpu-shopping.md") + "buy a gpu\n")
        func paths(_ arguments: String...) throws -> Set<String> {
            let result = try notebook.hearth(["grep"] + arguments + ["-i", "gpu"])
            #expect(result.status == 0 || result.status == 1, "\(result)")
            return Set(result.stdoutLines.filter { !$0.isEmpty }.map { String($0.prefix { $0 != ":" }) })
        }
        #expect(try paths() == [Self.today, "days/2026/2026-11-20.md", "notes/gpu-shopping.md"])
        #expect(try paths("--kind", "note") == ["notes/gpu-shopping.md"])
        #expect(try paths("--kind", "day") == [Self.today, "days/2026/2026-11-20.md"])
        #expect(try paths("--kind", "week").isEmpty)
        #expect(try paths("--since", "2026-11-21", "--kind", "day") == [Self.today])
        #expect(try paths("--until", "2026-11-20", "--kind", "day") == ["days/2026/2026-11-20.md"])
        #expect(try paths("--since", "2026-11-20", "--until", "2026-11-20", "--kind", "day") == ["days/2026/2026-11-20.md"])
        #expect(try paths("--since", "2026-11-23").isEmpty)
        // A week gives its Monday to --since (today, 2026-11-22, is a Sunday).
        #expect(try paths("--since", "this week", "--kind", "day") == [Self.today, "days/2026/2026-11-20.md"])
        #expect(try paths("--until", "yesterday", "--kind", "day") == ["days/2026/2026-11-20.md"])
        let bad = try notebook.hearth("grep", "--since", "next week", "gpu")
        #expect(bad.status == 2 && bad.stderr.contains("--since next week is not a day hearth reads"), "\(bad)")
    }

    @Test func aMatchLiesWithinOneLineAndDollarHoldsBeforeCRLF() throws {
        let notebook = try notebook()
        // The same note saved with Unix and with Windows line endings.
        try notebook.write("notes/lf.md", "---\nkind: note\n---\nfoo end\nstart bar\n")
        try notebook.write("notes/crlf.md", "---\r\nkind: note\r\n---\r\nfoo end\r\nstart bar\r\n")
        // `\s` matches a newline inside regexec; grep -E never matches across lines.
        for pattern in ["end\\s+start", "end[[:space:]]+start"] {
            let across = try notebook.hearth("grep", pattern)
            #expect(across.status == 1 && across.stdout.isEmpty, "\(pattern): \(across)")
        }
        let dollar = try notebook.hearth("grep", "end$")
        #expect(dollar.status == 0, "\(dollar)")
        #expect(dollar.stdoutLines.filter { !$0.isEmpty } == ["notes/crlf.md:4:foo end", "notes/lf.md:4:foo end"], "\(dollar)")
        #expect(try notebook.hearth("grep", "^start bar$").stdoutLines.filter { !$0.isEmpty }
            == ["notes/crlf.md:5:start bar", "notes/lf.md:5:start bar"])
        let rows = try json(try notebook.hearth("grep", "--json", "--kind", "note", "r$"))
        #expect(rows.compactMap { $0["text"] as? String } == ["start bar", "start bar"])
    }

    @Test func exitsOneSilentlyWhenNothingMatchesAndTwoForABadPattern() throws {
        let notebook = try notebook()
        let none = try notebook.hearth("grep", "no such words")
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.isEmpty, "\(none)")
        let noneJSON = try notebook.hearth("grep", "--json", "no such words")
        #expect(noneJSON.status == 1 && noneJSON.stdout == "[]\n", "\(noneJSON)")
        let bad = try notebook.hearth("grep", "gpu(")
        #expect(bad.status == 2 && bad.stdout.isEmpty, "\(bad)")
        #expect(bad.stderr.contains("invalid pattern 'gpu('") && bad.stderr.contains("unmatched ("), "\(bad)")
        let range = try notebook.hearth("grep", "[z-a]")
        #expect(range.status == 2 && range.stderr.contains("invalid range end"), "\(range)")
        let history = try notebook.hearth("grep", "--history", "gpu(")
        #expect(history.status == 2 && history.stderr.contains("unmatched ("), "\(history)")
    }

    @Test func jsonIsOneArrayOfMatchesWithKindAndDate() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("grep", "--json", "-i", "gpu")
        #expect(result.status == 0, "\(result)")
        let rows = try json(result)
        #expect(rows.count == 4)
        let sam = try #require(rows.first { ($0["text"] as? String)?.contains("Sam") == true })
        #expect(sam["path"] as? String == Self.today)
        #expect(sam["line"] as? Int == (try lineNumbers(notebook, Self.today, containing: "talk to Sam").first))
        #expect(sam["kind"] as? String == "day")
        #expect(sam["date"] as? String == "2026-11-22")
        #expect(sam["field"] == nil)
        #expect(Set(sam.keys) == ["path", "line", "text", "kind", "date"])

        let field = try json(try notebook.hearth("grep", "--json", "--field", "tags", "gpu"))
        #expect(field.count == 1)
        #expect(field.first?["field"] as? String == "tags")
        #expect(field.first?["text"] as? String == "gpu")
        #expect(field.first?["kind"] as? String == "note")
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func highlightsMatchesOnATerminalOnlyWithoutNoColor() throws {
        let notebook = try notebook()
        let colored = try notebook.hearthOnTerminal(["grep", "offer"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(colored.stdout.contains("\u{1B}[31moffer\u{1B}[0m"), "\(colored)")
        let plain = try notebook.hearthOnTerminal(["grep", "offer"], environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(!plain.stdout.contains("\u{1B}["), "\(plain)")
        let piped = try notebook.hearth(["grep", "offer"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(!piped.stdout.contains("\u{1B}[") && piped.stdout.contains("offer"), "\(piped)")
    }

    @Test func binaryAndInvalidUTF8FilesNeverCrashAndAreLeftAlone() throws {
        let notebook = try notebook()
        let binary: [UInt8] = Array("---\nkind: note\n---\nthe gpu receipt\n".utf8) + [0, 1, 2, 0xFF]
        let latin1: [UInt8] = Array("---\nkind: note\n---\n".utf8) + Array("caf".utf8) + [0xE9] + Array(" gpu\n".utf8)
        try notebook.write("notes/receipt.md", bytes: binary)
        try notebook.write("notes/latin1.md", bytes: latin1)
        let result = try notebook.hearth("grep", "-i", "gpu")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("notes/latin1.md:4:caf\u{FFFD} gpu\n"), "\(result)")
        #expect(!result.stdout.contains("receipt"), "\(result)")
        #expect(result.stderr.contains("notes/receipt.md: binary file matches"), "\(result)")
        #expect(result.stderr.contains("notes/latin1.md: holds bytes that are not UTF-8"), "\(result)")
        #expect(try notebook.bytes("notes/receipt.md") == binary)
        #expect(try notebook.bytes("notes/latin1.md") == latin1)
        // A binary file alone still counts as a match, as in grep.
        let onlyBinary = try notebook.hearth("grep", "receipt")
        #expect(onlyBinary.status == 0 && onlyBinary.stdout.isEmpty, "\(onlyBinary)")
        let json = try notebook.hearth("grep", "--json", "caf")
        #expect(try self.json(json).first?["text"] as? String == "caf\u{FFFD} gpu", "\(json)")
    }

    @Test func aFileThatCannotBeReadIsNamedAndTheExitIsTwo() throws {
        let notebook = try notebook()
        try notebook.write("notes/dup.md", "---\nenergy: 1\nenergy: 2\n---\ngpu\n")
        let field = try notebook.hearth("grep", "--field", "energy", "3")
        #expect(field.status == 2, "\(field)")
        #expect(field.stdout.contains("\(Self.today):"), "\(field)")
        #expect(field.stderr.contains("notes/dup.md:3: error: key 'energy' appears twice"), "\(field)")
        // The body search reads no YAML and finds the line.
        let body = try notebook.hearth("grep", "^gpu$")
        #expect(body.status == 0 && body.stdout == "notes/dup.md:5:gpu\n", "\(body)")
    }
}

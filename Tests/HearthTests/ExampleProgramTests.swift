import Foundation
import TestSupport
import Testing

/// `Examples/NotebookTour`, the program the DocC article "Using Hearth's libraries in your own
/// app" quotes. HearthTests depends on it, so `make test` builds it; these tests run it as a
/// person would, check what it prints and the notebooks it leaves with the git CLI, and check that
/// every code block of the article is still a part of it, so the article cannot rot.
@Suite struct ExampleProgramTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let source = repository.appendingPathComponent("Examples/NotebookTour/NotebookTour.swift")
    static let article = repository.appendingPathComponent("Sources/SyncKit/SyncKit.docc/UsingHearthsLibraries.md")

    @Test func tourWritesQueriesMergesAndSyncsTwoNotebooks() throws {
        let notebook = try TemporaryNotebook()
        let binary = try #require(HearthBinary.url?.deletingLastPathComponent().appendingPathComponent("NotebookTour"),
                                  "no built hearth; run `swift build --build-tests` first")
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "NotebookTour is not built next to hearth")
        let tour = notebook.base.appendingPathComponent("tour")
        let result = try ProcessRunner.run(binary, [tour.path], in: notebook.base, environment: notebook.environment())
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines

        #expect(lines.first == "Wrote days/2026/2026-03-02.md, days/2026/2026-03-03.md, days/2026/2026-03-04.md")
        #expect(lines.contains("Read days/2026/2026-03-03.md: mood 8, tags run work"), "\(result.stdout)")
        // Tagged run with mood >= 7: the 2nd (mood 6, work only) is left out.
        #expect(lines.filter { $0.hasPrefix("Matched ") } == [
            "Matched days/2026/2026-03-03.md (Tuesday): mood 8",
            "Matched days/2026/2026-03-04.md (Wednesday): mood 7",
        ])
        #expect(!lines.contains { $0.hasPrefix("Unreadable") }, "\(result.stdout)")

        // The merge keeps both added lines, and the newer side's mood with a field conflict.
        let merged = try #require(lines.firstIndex(of: "Merged entry:"))
        let entry = Array(lines[(merged + 1)...].prefix { !$0.hasPrefix("Conflict:") })
        #expect(entry.contains("mood: 5") && !entry.contains("mood: 7"), "\(entry)")
        #expect(entry.contains("Lunch with Sam.") && entry.contains("Tired after the call."), "\(entry)")
        #expect(lines.filter { $0.hasPrefix("Conflict:") } == ["Conflict: field mood kept desk: laptop 7, desk 5"])

        #expect(lines.filter { $0.contains(" sync: ") } == [
            "laptop sync: pushed",
            "desk sync: pushed",
            "laptop sync: merged, merged days/2026/2026-03-04.md",
            "desk sync: fast-forwarded, received days/2026/2026-03-04.md",
        ])
        #expect(lines.contains("desk cloned 3 entries"))
        #expect(lines.last == "days/2026/2026-03-04.md on the desk: mood 9, log \"Stretched afterwards.\"")

        // What the syncs left, seen by git: both notebooks at the remote's commit, clean, with both
        // devices' edits of the entry; commits from both devices in the remote.
        let remote = tour.appendingPathComponent("remote.git")
        let remoteHead = try notebook.git(in: remote, "rev-parse", "main")
        #expect(remoteHead.status == 0, "\(remoteHead)")
        for device in ["laptop", "desk"] {
            let clone = tour.appendingPathComponent(device)
            #expect(try notebook.git(in: clone, "rev-parse", "HEAD").stdout == remoteHead.stdout, "\(device) is not at the remote's commit")
            #expect(try notebook.git(in: clone, "status", "--porcelain").stdout.isEmpty, "\(device) has uncommitted changes")
            let day = try notebook.git(in: clone, "show", "HEAD:days/2026/2026-03-04.md").stdout
            #expect(day.contains("mood: 9") && day.contains("Stretched afterwards."), "\(device): \(day)")
        }
        let authors = Set(try notebook.git(in: remote, "log", "--format=%an", "main").stdoutLines)
        #expect(authors.isSuperset(of: ["laptop", "desk"]), "\(authors)")
        #expect(try notebook.git(in: remote, "fsck", "--strict").status == 0)

        // What the article says the program prints, it prints.
        let printed = Self.trimmedLines(result.stdout)
        let outputs = Self.codeBlocks(in: try String(contentsOf: Self.article, encoding: .utf8), fence: "```")
        #expect(outputs.count >= 3, "the article shows too little output: \(outputs.count) blocks")
        for block in outputs {
            #expect(Self.isPart(Self.trimmedLines(block), of: printed), "the article shows output the program did not print:\n\(block)")
        }
    }

    /// Each `swift` code block of the article must appear, line for line (indentation aside), in
    /// the program that the test above runs.
    @Test func everyCodeBlockOfTheArticleIsPartOfTheProgram() throws {
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        let program = Self.trimmedLines(try String(contentsOf: Self.source, encoding: .utf8))
        let blocks = Self.codeBlocks(in: article, fence: "```swift")
        #expect(blocks.count >= 5, "the article shows too little code: \(blocks.count) blocks")
        for block in blocks {
            #expect(Self.isPart(Self.trimmedLines(block), of: program), "this code block of the article is not in NotebookTour.swift:\n\(block)")
        }
    }

    /// An app sees only the public API: debug builds are testable, so `@testable import` would
    /// compile here and hide a missing `public`; and GitKit stays out of an app's way.
    @Test func theProgramImportsOnlyTheLibrariesPublicly() throws {
        let program = try String(contentsOf: Self.source, encoding: .utf8)
        let imports = program.split(separator: "\n").filter { $0.contains("import ") && !$0.hasPrefix("///") && !$0.hasPrefix("//") }
        #expect(imports == ["import Foundation", "import MergeKit", "import NoteKit", "import SyncKit"], "\(imports)")
    }

    /// The bodies of the fenced blocks that open with exactly `fence` (```swift for code, ``` for output).
    static func codeBlocks(in markdown: String, fence: String) -> [String] {
        var blocks: [String] = []
        var open: (kept: Bool, lines: [Substring])?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if var block = open {
                if line == "```" {
                    if block.kept { blocks.append(block.lines.joined(separator: "\n")) }
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if line.hasPrefix("```") {
                open = (line == fence, [])
            }
        }
        return blocks
    }

    /// Non-empty lines without their indentation.
    static func trimmedLines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether `lines` appear, one after another, somewhere in `text`.
    static func isPart(_ lines: [String], of text: [String]) -> Bool {
        text.indices.contains { text[$0...].starts(with: lines) }
    }
}

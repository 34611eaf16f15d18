import Foundation
import NoteKit
import TestSupport
import Testing

/// The query cache compares names and keys as the rest of hearth does, by Unicode canonical
/// equivalence and Characters, not bytes: a warm answer is the cold one, and `list` lists what
/// sync, history and merge take for entries.
@Suite struct QueryCacheUnicodeTests {
    static let decomposed = "cafe\u{0301}"
    static let composed = "caf\u{00E9}"

    /// The `path` of each row of `list --json`, in order.
    static func jsonPaths(_ result: ProcessResult) throws -> [String] {
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
        return rows.compactMap { $0["path"] as? String }
    }

    /// The same key written in two forms, decomposed in one entry and composed in two: sorting
    /// and filtering on it, in either form, find all three from a warm cache as from a cold one.
    @Test(arguments: [
        ["list", "--json", "--sort", composed], ["list", "--json", "--sort", decomposed],
        ["list", "--json", "--where", composed + ">=1"],
        ["list", "--json", "--where", composed + ">=1", "--sort", "-" + decomposed],
        // A key that ends in a combining mark (`cafe` and U+0301) names it too.
        ["list", "--json", "--where", decomposed + ">=1"],
        ["list", "--json", "--where", decomposed + ">=1", "--sort", "-" + composed],
        ["list", "--json", "--where", decomposed],
    ])
    func aKeyWrittenInTwoUnicodeFormsIsOneKeyWarmAndCold(command: [String]) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/a.md", "---\n\(Self.decomposed): 1\n---\n")
        try notebook.write("notes/b.md", "---\n\(Self.composed): 2\n---\n")
        try notebook.write("notes/c.md", "---\n\(Self.composed): 3\n---\n")
        try notebook.write("notes/d.md", "---\nother: 0\n---\n")
        let (cold, warm) = try notebook.warmQueryCache(command)
        #expect(warm.hits == warm.entries)
        let paths = try Self.jsonPaths(cold)
        let sorted = command.contains { $0.hasPrefix("-caf") } ? ["notes/c.md", "notes/b.md", "notes/a.md"] : ["notes/a.md", "notes/b.md", "notes/c.md"]
        #expect(Array(paths.prefix(3)) == sorted, "\(cold)")
        #expect(paths.count == (command.contains("--where") ? 3 : 4), "\(cold)")
        // Cold again, without any cache: the same bytes.
        try FileManager.default.removeItem(at: notebook.queryCacheFolder)
        let (again, trace) = try notebook.traced(command)
        #expect(trace.hits == 0, "\(trace)")
        #expect(again.stdout == cold.stdout && again.status == cold.status, "\(cold)\n\(again)")
    }

    /// A name that starts with `.` and a combining mark is not hidden, and one whose `.md` is
    /// joined by a "prepend" mark (U+0600) into another Character is not Markdown; a folder whose
    /// name ends in a prepend mark (which joins the `/` after it into one Character) holding a
    /// hidden folder hides what that holds: `list` agrees with ``NotebookLayout/isEntryPath(_:)``
    /// on all of them, from the folders and from the listing.
    @Test func listListsWhatIsEntryPathTakesForAnEntry() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let names = ["notes/plain.md", "notes/.\u{0301}x.md", "notes/p\u{0600}.md", "notes/.hidden.md", "notes/\u{00E9}t\u{00E9}.md",
                     "notes/a\u{0600}/.hidden/x.md", "notes/b\u{06DD}/.x.md", "notes/a\u{0600}/y.md", "notes/c\u{110BD}/.obsidian/z.md"]
        for name in names { try notebook.write(name, "---\nenergy: 1\n---\n") }
        let entries = names.filter(NotebookLayout.isEntryPath)
        #expect(entries == ["notes/plain.md", "notes/.\u{0301}x.md", "notes/\u{00E9}t\u{00E9}.md", "notes/a\u{0600}/y.md"])
        let (cold, warm) = try notebook.warmQueryCache(["list", "--json"])
        #expect(warm.entries == entries.count)
        #expect(try Set(Self.jsonPaths(cold)) == Set(entries), "\(cold)")
        #expect(FileManager.default.fileExists(atPath: notebook.queryCacheFolder.appendingPathComponent("entries.listing").path),
                "the warm run used the recorded listing")
    }
}

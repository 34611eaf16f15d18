import Foundation
import Testing

/// `hearth edit REF` resolves references (stdout is a pipe, so it only prints the path).
@Suite struct EditCommandTests {
    private func notebookWithEntries() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-21.md", "---\nkind: day\ndate: 2026-11-21\n---\n")
        try notebook.write("days/2026/2026-11-22.md", "---\nkind: day\ndate: 2026-11-22\n---\n")
        try notebook.write("experiments/2026/2026-11-20-warmup-ablation.md", "---\nkind: experiment\n---\n")
        try notebook.write("notes/reading-list.md", "---\ntitle: Reading\n---\n")
        try notebook.write("notes/recipes.md", "---\ntitle: Recipes\n---\n")
        return notebook
    }

    @Test(arguments: [
        ("days/2026/2026-11-21.md", "days/2026/2026-11-21.md"),
        ("2026-11-21", "days/2026/2026-11-21.md"),
        ("today", "days/2026/2026-11-22.md"),
        ("yesterday", "days/2026/2026-11-21.md"),
        ("warm", "experiments/2026/2026-11-20-warmup-ablation.md"),
        ("2026-11-20-warm", "experiments/2026/2026-11-20-warmup-ablation.md"),
        ("READING", "notes/reading-list.md"),
        ("recipes", "notes/recipes.md"),
    ])
    func editPrintsTheResolvedPath(reference: String, expected: String) throws {
        let notebook = try notebookWithEntries()
        let before = try notebook.snapshot()
        let result = try notebook.hearth("edit", reference)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == expected + "\n")
        #expect(try notebook.snapshot() == before, "edit must not change files")
    }

    @Test func yesterdayCrossesTheYear() throws {
        let notebook = try notebookWithEntries()
        try notebook.write("days/2025/2025-12-31.md", "---\nkind: day\n---\n")
        notebook.today = "2026-01-01"
        let result = try notebook.hearth("edit", "yesterday")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2025/2025-12-31.md\n")
    }

    @Test func anAmbiguousPrefixListsTheCandidates() throws {
        let notebook = try notebookWithEntries()
        let result = try notebook.hearth("edit", "re")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("notes/reading-list.md"))
        #expect(result.stderr.contains("notes/recipes.md"))
        #expect(!result.stderr.contains("warmup"))
    }

    @Test(arguments: ["zzz", "2026-11-01", "notes/missing.md"])
    func anUnknownReferenceExits1(reference: String) throws {
        let notebook = try notebookWithEntries()
        let result = try notebook.hearth("edit", reference)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(reference))
    }

    @Test func todayWithoutAnEntryIsNotFound() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("edit", "today")
        #expect(result.status == 1, "\(result)")
        #expect(!notebook.exists("days"), "edit must not create the day")
    }
}

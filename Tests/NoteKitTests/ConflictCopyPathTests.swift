import NoteKit
import Testing

/// `NotebookLayout.conflictCopyPath(of:label:)`, the naming rule a sync's conflict copies and a
/// guarded write's kept editor save share.
struct ConflictCopyPathTests {
    @Test(arguments: [
        ("days/2026/2026-11-22.md", "laptop", "days/2026/2026-11-22.conflict-laptop.md"),
        ("plan.md", "editor", "plan.conflict-editor.md"),
        ("/home/a/notes/plan.md", "editor-2", "/home/a/notes/plan.conflict-editor-2.md"),
        ("notes/README", "desk", "notes/README.conflict-desk"),
        ("notes/.hidden", "desk", "notes/.hidden.conflict-desk"),
        ("notes.d/plan", "desk", "notes.d/plan.conflict-desk"),
        ("archive.tar.gz", "desk", "archive.tar.conflict-desk.gz"),
        // A folder ending in a prepend mark: the mark and the '/' make one Character, which a
        // Character-based split does not find, and then took the folder's dot for the name's
        // (`notes.d\u{0600}.conflict-desk/plan`, a copy in another folder).
        ("notes.d\u{0600}/plan", "desk", "notes.d\u{0600}/plan.conflict-desk"),
        ("a\u{0600}/plan.md", "desk", "a\u{0600}/plan.conflict-desk.md"),
        // A name starting with a combining mark after the dot-free folder part.
        ("x/.\u{0301}md", "desk", "x/.\u{0301}md.conflict-desk"),
    ])
    func namesTheCopyBesideTheFile(path: String, label: String, expected: String) {
        #expect(NotebookLayout.conflictCopyPath(of: path, label: label) == expected)
    }
}

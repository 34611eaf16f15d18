import Foundation
import Testing
@testable import NoteKit

/// Paths are split at the `/` byte, never at Characters: a folder name ending in a grapheme
/// "prepend" mark (U+0600-0605, U+06DD, U+110BD: Grapheme_Cluster_Break=Prepend) joins the `/`
/// after it into one Character, and a name starting with a combining mark joins the `/` before it.
/// ``NotebookLayout/isEntryPath(_:)`` (sync, history, merge) and the listing (`list`) must agree.
@Suite struct PathNameSplitTests {
    /// Files on disk and whether each is an entry.
    static let files: [(path: String, isEntry: Bool)] = [
        ("a\u{0600}/.hidden/x.md", false),
        ("b\u{0605}/.hidden/x.md", false),
        ("c\u{06DD}/.hidden/x.md", false),
        ("d\u{110BD}/.hidden/x.md", false),
        ("e/\u{0301}f/.hidden/x.md", false),
        ("g\u{0600}/.x.md", false),
        ("a\u{0600}/x.md", true),
        ("e/\u{0301}f/x.md", true),
        // `.` and a combining mark make one Character other than `.`: not hidden, for both.
        (".\u{0301}k/x.md", true),
        // The prepend mark joins the `.` of `.md`: not a Markdown name, for both.
        ("n/x\u{0600}.md", false),
        ("days/2026/2026-11-22.md", true),
        (".git/x.md", false),
    ]

    @Test func prependMarksJoinTheSlashAsCharacters() {
        // What makes these names hard: split at Characters, the `/` is not found.
        #expect("a\u{0600}/.hidden/x.md".split(separator: "/").count == 2)
        #expect("e/\u{0301}f/x.md".split(separator: "/").count == 2)
        #expect(NotebookLayout.names(of: "a\u{0600}/.hidden/x.md") == ["a\u{0600}", ".hidden", "x.md"])
        #expect(NotebookLayout.names(of: "e/\u{0301}f/x.md") == ["e", "\u{0301}f", "x.md"])
    }

    @Test func isEntryPathAgreesWithTheListing() throws {
        let tmp = try TemporaryNotebook()
        for file in Self.files { try tmp.write(file.path, "text\n") }
        let listed = Set(tmp.notebook.entryPaths())
        for file in Self.files {
            #expect(NotebookLayout.isEntryPath(file.path) == file.isEntry, "isEntryPath \(file.path.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(listed.contains(file.path) == file.isEntry, "listed \(file.path.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(listed.count == Self.files.filter(\.isEntry).count)
    }

    @Test func stemAndKindSplitAtTheSlashByte() {
        #expect(NotebookLayout.stem(of: "a\u{0600}/2026-11-22.md") == "2026-11-22")
        #expect(NotebookLayout.date(fromPath: "a\u{0600}/2026-11-22.md") == LocalDate("2026-11-22"))
        #expect(NotebookLayout.kind(forPath: "days/\u{0301}x/2026-11-22.md") == .day)
    }

    @Test func editorArtefactsInsideSuchFolders() {
        #expect(EditorArtefact.isArtefact(path: "a\u{0600}/.x.md.swp"))
        #expect(!EditorArtefact.isArtefact(path: "a\u{0600}/x.md"))
    }

    @Test func containmentComparesBytes() {
        #expect(NotebookLayout.relative("/n/a\u{0600}/x.md", below: "/n") == "a\u{0600}/x.md")
        #expect(NotebookLayout.relative("/n\u{0600}/x.md", below: "/n\u{0600}") == "x.md")
        #expect(NotebookLayout.relative("/n/\u{0301}x.md", below: "/n") == "\u{0301}x.md")
        // Composed and decomposed `café` are two folders on disk, not one.
        #expect(NotebookLayout.relative("/cafe\u{0301}/x.md", below: "/caf\u{00E9}") == nil)
        #expect(NotebookLayout.relative("/n", below: "/n") == nil)
        #expect(NotebookLayout.relative("/nx/y.md", below: "/n") == nil)
    }
}

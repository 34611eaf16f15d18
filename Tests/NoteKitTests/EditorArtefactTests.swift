import Testing
@testable import NoteKit

/// ``EditorArtefact``: which paths never travel, and the notes that merely look like them.
@Suite struct EditorArtefactTests {
    /// Each artefact with what the rule calls it.
    static let artefacts: [(path: String, what: String)] = [
        (".x.md.swp", "a vim swap file"),
        ("days/2026/.2026-12-06.md.swp", "a vim swap file"),
        ("notes/.ideas.md.swo", "a vim swap file"),
        (".x.md.swn", "a vim swap file"),
        (".x.md.swa", "a vim swap file"),
        (".x.md.swx", "a vim swap file"),
        ("4913", "vim's write test file"),
        ("days/2026/4913", "vim's write test file"),
        ("x.md~", "a backup file"),
        ("days/2026/2026-12-06.md~", "a backup file"),
        (".#x.md", "an emacs lock file"),
        ("notes/.#x.md", "an emacs lock file"),
        ("#x.md#", "an emacs auto-save file"),
        ("notes/#x.md#", "an emacs auto-save file"),
        (".idea/workspace.xml", "a JetBrains IDE file"),
        ("notes/.idea/inspectionProfiles/Project.xml", "a JetBrains IDE file"),
        (".vscode/settings.json", "a VS Code settings file"),
        (".DS_Store", "macOS Finder's folder state"),
        ("days/.DS_Store", "macOS Finder's folder state"),
        ("._x.md", "a macOS resource file"),
        ("Thumbs.db", "Windows Explorer's thumbnail cache"),
        ("~$report.docx", "an Office lock file"),
        ("attachments/~$report.docx", "an Office lock file"),
        (".~lock.report.odt#", "a LibreOffice lock file"),
        (".obsidian/workspace.json", "Obsidian's per-device workspace"),
        (".obsidian/workspace-mobile.json", "Obsidian's per-device workspace"),
        (".obsidian/workspaces.json", "Obsidian's per-device workspace"),
        (".obsidian/cache", "Obsidian's per-device cache"),
        (".obsidian/cache/entries.json", "Obsidian's per-device cache"),
    ]

    /// Notes and settings that look like artefacts and must keep travelling.
    static let notes = [
        "notes~draft.md", "#tag.md", "notes/#tag.md", "days/2026/x.md", "days/2026/2026-12-06.md",
        "x.swp", ".swp", "notes/.x.md.swq", ".x.md.swpx", "x.md.swp.md", "49130", "4913.md", "days/4913/x.md",
        "~report.docx", "$x.md", "#x.md", "#", "x~y", "idea/x.md", ".idea", "vscode.md", "DS_Store",
        ".obsidian/app.json", ".obsidian/plugins/dataview/data.json", ".obsidian/plugins/cache/data.json",
        ".obsidian/workspace.md", "notes/.obsidian/workspace.json", "templates/workspace.json",
        // A folder a person named with a backup's or a lock's name: its notes are notes.
        "drafts~/idea.md", "#inbox#/idea.md", ".#old/idea.md",
    ]

    @Test(arguments: artefacts)
    func artefactIsRecognised(_ artefact: (path: String, what: String)) {
        #expect(EditorArtefact.isArtefact(path: artefact.path))
        #expect(EditorArtefact.what(path: artefact.path) == artefact.what)
    }

    @Test(arguments: notes)
    func lookAlikeStaysANote(_ path: String) {
        #expect(!EditorArtefact.isArtefact(path: path))
        #expect(EditorArtefact.what(path: path) == nil)
    }

    @Test func everyPatternCatchesOneOfTheSamples() {
        // A pattern in the list whose rule caught nothing would be a line nobody tested.
        let caught = Set(Self.artefacts.map(\.what))
        #expect(caught.count == EditorArtefact.gitignorePatterns.count, "\(caught)")
    }
}

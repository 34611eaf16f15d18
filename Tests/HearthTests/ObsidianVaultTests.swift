import Foundation
import TestSupport
import Testing

/// A notebook opened as an Obsidian vault: files written the way Obsidian writes them (its
/// property editor's block lists, quoted links and numbers, its `.obsidian/` settings and
/// per-device workspace files), used through the real `hearth` and synced between two devices.
struct ObsidianVaultTests {
    /// A day as Obsidian's property editor saves it: block lists indented two spaces, links and
    /// number-like text double-quoted.
    static let day = """
        ---
        tags:
          - journal
          - "2026"
        related:
          - "[[Meeting]]"
        energy: 3
        mood: 2
        done: false
        ---

        Wrote this in Obsidian.

        """
    static let dayPath = "days/2026/2026-11-21.md"

    /// A note with zero-indented lists, as older Obsidian versions and many plugins write them.
    static let note = """
        ---
        aliases:
        - Weekly sync
        - 'Sync: weekly'
        cssclasses:
        - wide
        created: 2026-11-20T09:30
        ---
        # Meeting

        """

    /// The vault's settings (shared) and workspace state (per device), as Obsidian keeps them.
    static let settings: [String: String] = [
        ".obsidian/app.json": "{\n  \"alwaysUpdateLinks\": true\n}",
        ".obsidian/daily-notes.json": "{\n  \"folder\": \"days\",\n  \"format\": \"YYYY/YYYY-MM-DD\",\n  \"template\": \"templates/Day\"\n}",
        ".obsidian/core-plugins.json": "{\n  \"daily-notes\": true,\n  \"templates\": true\n}",
        ".obsidian/plugins/dataview/data.json": "{\"renderNullAs\": \"-\"}",
    ]
    static let workspace = [
        ".obsidian/workspace.json": "{\"main\": {\"id\": \"a1\"}, \"lastOpenFiles\": [\"days/2026/2026-11-21.md\"]}",
        ".obsidian/workspace-mobile.json": "{\"main\": {\"id\": \"m1\"}}",
    ]

    /// The daily-note template the README proposes (Obsidian fills `days/YYYY/` from the date format).
    static let template = """
        ---
        energy:
        mood:
        tags: []
        ---

        ## Done

        ## Log

        """

    private func writeVault(_ notebook: TemporaryNotebook) throws {
        try notebook.write(Self.dayPath, Self.day)
        try notebook.write("notes/Meeting.md", Self.note)
        try notebook.write("templates/Day.md", Self.template)
        try notebook.write(".trash/Old idea.md", "thrown away in Obsidian\n")
        for (path, text) in Self.settings.merging(Self.workspace, uniquingKeysWith: { $1 }) { try notebook.write(path, text) }
    }

    private func trackedFiles(_ notebook: TemporaryNotebook) throws -> [String] {
        try notebook.git("ls-files").stdoutLines
    }

    @Test func adoptingAVaultChangesNoFileAndLeavesPerDeviceStateOutOfGit() throws {
        let notebook = try TemporaryNotebook()
        try writeVault(notebook)
        let before = try notebook.snapshot()
        let initialized = try notebook.hearth("init", "nb", "--device", "laptop", in: notebook.base)
        #expect(initialized.status == 0, "\(initialized)")
        #expect(initialized.stdout.contains("3 entries"), "\(initialized)")
        let after = try notebook.snapshot()
        #expect(after.filter { before[$0.key] != nil } == before)
        #expect(Set(after.keys).subtracting(before.keys) == [".gitignore", "hearth.yaml"])

        let tracked = try trackedFiles(notebook)
        for path in Self.settings.keys { #expect(tracked.contains(path), "\(path) should travel with the vault") }
        for path in Self.workspace.keys { #expect(!tracked.contains(path), "\(path) is per-device state") }
        #expect(!tracked.contains(".trash/Old idea.md"))

        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        let list = try notebook.hearth("list", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
        #expect(entries.compactMap { $0["path"] as? String } == [Self.dayPath, "notes/Meeting.md", "templates/Day.md"])
        let day = try #require(entries.first)
        #expect(day["tags"] as? [String] == ["journal", "2026"])
        #expect(day["related"] as? [String] == ["[[Meeting]]"])
        let tagged = try notebook.hearth("list", "--tag", "2026", "--where", "related~[[Meeting]]")
        #expect(tagged.stdoutLines == ["2026-11-21  day  \(Self.dayPath)  related=[\"[[Meeting]]\"]"], "\(tagged)")
    }

    @Test func hearthEditsKeepObsidiansListStyle() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try writeVault(notebook)
        try notebook.hearth("set", "2026-11-21", "tags=[journal, \"2026\", travel]").requireSuccess()
        var expected = Self.day.replacingOccurrences(of: "  - \"2026\"\n", with: "  - \"2026\"\n  - travel\n")
        #expect(try notebook.text(Self.dayPath) == expected)

        try notebook.hearth("unset", "2026-11-21", "done").requireSuccess()
        expected = expected.replacingOccurrences(of: "done: false\n", with: "")
        #expect(try notebook.text(Self.dayPath) == expected)

        try notebook.hearth("done", "--date", "2026-11-21", "ship", "the vault").requireSuccess()
        try notebook.hearth("jot", "--date", "2026-11-21", "a thought").requireSuccess()
        let text = try notebook.text(Self.dayPath)
        let frontMatter = try #require(expected.range(of: "---\n\n")).upperBound
        #expect(text.hasPrefix(expected[..<frontMatter]), "the front-matter changed:\n\(text)")
        #expect(text.contains("- ship: the vault") && text.contains("a thought"), "\(text)")

        try notebook.hearth("set", "notes/Meeting.md", "aliases=[Weekly sync, 'Sync: weekly', Standup]").requireSuccess()
        #expect(try notebook.text("notes/Meeting.md") == Self.note.replacingOccurrences(of: "- 'Sync: weekly'\n", with: "- 'Sync: weekly'\n- Standup\n"))
    }

    /// The laptop syncs the vault; the desk (a second clone) gets it.
    private func twoDevicesWithVault() throws -> SyncCommandTests.TwoDevices {
        let devices = try SyncCommandTests.TwoDevices()
        try writeVault(devices.notebook)
        try devices.notebook.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        #expect(try devices.deskText(Self.dayPath) == Self.day)
        return devices
    }

    private func deskWrite(_ devices: SyncCommandTests.TwoDevices, _ path: String, _ text: String) throws {
        try devices.notebook.write(devices.desk.appendingPathComponent(path), bytes: Array(text.utf8))
    }

    @Test func editsToDifferentKeysMergeAndBlockListsStayBlock() throws {
        let devices = try twoDevicesWithVault()
        // The laptop uses hearth; the desk edits in Obsidian, which rewrites the file.
        try devices.notebook.hearth("set", "2026-11-21", "mood=4").requireSuccess()
        try deskWrite(devices, Self.dayPath, Self.day.replacingOccurrences(of: "  - \"[[Meeting]]\"\n", with: "  - \"[[Meeting]]\"\n  - \"[[Plan]]\"\n"))
        try devices.notebook.hearth("sync").requireSuccess()
        let merged = try devices.desk("sync")
        #expect(merged.status == 0, "\(merged)")
        try devices.notebook.hearth("sync").requireSuccess()

        let expected = Self.day
            .replacingOccurrences(of: "mood: 2\n", with: "mood: 4\n")
            .replacingOccurrences(of: "  - \"[[Meeting]]\"\n", with: "  - \"[[Meeting]]\"\n  - \"[[Plan]]\"\n")
        #expect(try devices.deskText(Self.dayPath) == expected)
        #expect(try devices.notebook.text(Self.dayPath) == expected)
        #expect(try devices.desk("conflicts").stdout == "No open conflicts.\n")
    }

    @Test func itemsBothDevicesAddAreMergedIntoOneBlockList() throws {
        let devices = try twoDevicesWithVault()
        try devices.notebook.hearth("set", "2026-11-21", "tags=[journal, \"2026\", travel]").requireSuccess()
        try deskWrite(devices, Self.dayPath, Self.day.replacingOccurrences(of: "  - \"2026\"\n", with: "  - \"2026\"\n  - family\n"))
        try devices.notebook.hearth("sync").requireSuccess()
        let merged = try devices.desk("sync")
        #expect(merged.status == 0, "\(merged)")
        try devices.notebook.hearth("sync").requireSuccess()

        let laptop = try devices.notebook.text(Self.dayPath)
        #expect(try devices.deskText(Self.dayPath) == laptop)
        // Both additions after the common items (merge.md: base order, then each side's additions),
        // the untouched items as Obsidian quoted them, and still a block list.
        let additions = ["  - travel\n  - family\n", "  - family\n  - travel\n"]
        #expect(additions.contains { laptop == Self.day.replacingOccurrences(of: "  - \"2026\"\n", with: "  - \"2026\"\n" + $0) }, "\(laptop)")
        #expect(try devices.desk("conflicts").stdout == "No open conflicts.\n")
    }

    @Test func workspaceStateStaysOnEachDeviceWhileSettingsSync() throws {
        let devices = try twoDevicesWithVault()
        // The desk's Obsidian has its own workspace; the laptop changes a shared setting.
        let deskWorkspace = "{\"main\": {\"id\": \"desk\"}, \"lastOpenFiles\": [\"notes/Meeting.md\"]}"
        try deskWrite(devices, ".obsidian/workspace.json", deskWorkspace)
        try devices.notebook.write(".obsidian/workspace.json", "{\"main\": {\"id\": \"laptop-moved\"}}")
        try devices.notebook.write(".obsidian/app.json", "{\n  \"alwaysUpdateLinks\": false\n}")
        try devices.notebook.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try devices.notebook.hearth("sync").requireSuccess()

        #expect(try devices.deskText(".obsidian/app.json") == "{\n  \"alwaysUpdateLinks\": false\n}")
        #expect(try devices.deskText(".obsidian/workspace.json") == deskWorkspace)
        #expect(try devices.notebook.text(".obsidian/workspace.json") == "{\"main\": {\"id\": \"laptop-moved\"}}")
        let remoteFiles = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"),
                                                ["-C", devices.remote.path, "ls-tree", "-r", "--name-only", "main"],
                                                in: devices.notebook.base, environment: devices.notebook.environment())
        #expect(remoteFiles.stdoutLines.contains(".obsidian/app.json"))
        #expect(!remoteFiles.stdout.contains("workspace"), "\(remoteFiles)")
        #expect(try devices.desk("status").stdout.contains("0 ahead, 0 behind"))
    }

    /// Obsidian writes its settings as JSON with one key per line, so two devices changing
    /// different settings merge line by line like any text file.
    @Test func settingsChangedOnBothDevicesMerge() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let app = "{\n  \"alwaysUpdateLinks\": true,\n  \"showLineNumber\": false,\n  \"spellcheck\": true,\n  \"vimMode\": false\n}"
        try devices.notebook.write(".obsidian/app.json", app)
        try devices.notebook.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try devices.notebook.write(".obsidian/app.json", app.replacingOccurrences(of: "\"alwaysUpdateLinks\": true", with: "\"alwaysUpdateLinks\": false"))
        try deskWrite(devices, ".obsidian/app.json", app.replacingOccurrences(of: "\"vimMode\": false", with: "\"vimMode\": true"))
        try devices.notebook.hearth("sync").requireSuccess()
        let merged = try devices.desk("sync")
        #expect(merged.status == 0, "\(merged)")
        let expected = app.replacingOccurrences(of: "\"alwaysUpdateLinks\": true", with: "\"alwaysUpdateLinks\": false")
            .replacingOccurrences(of: "\"vimMode\": false", with: "\"vimMode\": true")
        #expect(try devices.deskText(".obsidian/app.json") == expected)
        #expect(try devices.desk("conflicts").stdout == "No open conflicts.\n")
    }
}

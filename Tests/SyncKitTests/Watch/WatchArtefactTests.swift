import Foundation
@testable import SyncKit
import TestSupport
import Testing

/// `hearth watch` and editor artefacts: vim rewriting its swap file as you type neither wakes the
/// change detectors nor counts as something to sync, while the save itself does.
@Suite struct WatchArtefactTests {
    let detectors = WatchChangeDetectorTests()

    @Test(arguments: WatchChangeDetectorTests.kinds)
    func artefactChurnIsNoChangeButTheSaveIs(kind: WatchChangeDetectorTests.Kind) throws {
        try Sandbox.with { sandbox in
            try sandbox.write("days/2026/2026-12-06.md", "a\n")
            // The folders exist already: a new folder is a change (it may hold notes).
            try sandbox.write(".idea/workspace.xml", "<project/>\n")
            try sandbox.write(".obsidian/app.json", "{}\n")
            let detector = try detectors.detector(kind, root: sandbox.root)
            #expect(detectors.unchanged(detector), "nothing happened yet")

            // What vim, emacs, Finder, a JetBrains IDE and Obsidian do while a note is open.
            try sandbox.write("days/2026/.2026-12-06.md.swp", "b0VIM 9.0 first\n")
            try sandbox.write("days/2026/.2026-12-06.md.swp", "b0VIM 9.0 typed more\n")
            try sandbox.write("days/2026/4913", "")
            try FileManager.default.removeItem(at: sandbox.root.appending(path: "days/2026/4913"))
            try sandbox.write("days/2026/2026-12-06.md~", "a\n")
            try FileManager.default.removeItem(at: sandbox.root.appending(path: "days/2026/2026-12-06.md~"))
            try sandbox.write("days/2026/#2026-12-06.md#", "auto-save\n")
            try sandbox.write(".DS_Store", "finder\n")
            try sandbox.write(".idea/workspace.xml", "<project>moved</project>\n")
            try sandbox.write(".obsidian/workspace.json", "{\"main\": {}}\n")
            #expect(detectors.unchanged(detector), "editor artefacts changed, no note did")

            try sandbox.write("days/2026/2026-12-06.md", "a\nsaved\n")
            #expect(detectors.changed(detector), "the save must still be seen")
        }
    }

    @Test func artefactsTrackedOrNotAreNothingToSync() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "a\n"]) { world in
            let laptop = world.root("laptop")
            // A .gitignore without hearth's patterns, and a .DS_Store committed with git.
            try world.write("laptop", ".gitignore", "*.log\n")
            try world.write("laptop", ".DS_Store", "committed\n")
            try world.git("laptop")("add", ".gitignore", ".DS_Store")
            try world.git("laptop")("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "by hand")
            #expect(try LocalChanges.check(root: laptop) == .none)

            try world.write("laptop", "notes/.a.md.swp", "b0VIM 9.0\n")
            try world.write("laptop", "notes/a.md~", "a\n")
            try world.write("laptop", ".DS_Store", "changed by Finder\n")
            #expect(try LocalChanges.check(root: laptop) == .none)
            try world.write("laptop", "notes/a.md", "a\nsaved\n")
            #expect(try LocalChanges.check(root: laptop) == .some)
        }
    }
}

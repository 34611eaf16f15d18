import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Two devices and a bare remote: each scenario edits both, then syncs A, B, A and checks the
/// promises of merge.md on the real repositories.
@Suite("Sync between devices")
struct SyncIntegrationTests {
    static let day = """
        ---
        kind: day
        date: 2026-11-22
        energy: 3
        mood: 3
        sleep_h: 7
        tags: [work, writing]
        ---
        # Sunday 22 November

        ## Done
        - wrote the intro

        ## Notes
        Morning walk by the river.
        Long call with Sam.

        """
    static let path = "days/2026/2026-11-22.md"

    /// Syncs laptop, desk, laptop, then checks everything merge.md promises and returns the
    /// entry's text as both devices have it.
    @discardableResult
    func syncAround(_ world: SyncWorld, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try world.sync("laptop")
        let merge = try world.sync("desk")
        try world.sync("laptop")
        #expect(try world.tree("laptop") == world.tree("desk"), "trees differ after A, B, A", sourceLocation: sourceLocation)
        #expect(try world.head("laptop") == world.head("desk"), sourceLocation: sourceLocation)
        for device in ["laptop", "desk"] {
            for file in world.files(device) {
                let text = world.read(device, file) ?? ""
                #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "\(device):\(file) has git markers", sourceLocation: sourceLocation)
                if file.hasSuffix(".md") {
                    #expect(throws: Never.self, "\(device):\(file) does not parse", sourceLocation: sourceLocation) {
                        try Note(parsing: Data(text.utf8), path: file)
                    }
                }
            }
            // Idempotence: nothing new -> no commit.
            let before = try world.head(device)
            let again = try world.sync(device)
            #expect(try world.head(device) == before, "a sync with nothing new committed", sourceLocation: sourceLocation)
            #expect(again.outcome == .upToDate, sourceLocation: sourceLocation)
            let fsck = try world.git(device).run(["fsck", "--strict", "--no-progress"])
            #expect(fsck.status == 0, "\(fsck.stderr)", sourceLocation: sourceLocation)
            let status = try world.git(device)("status", "--porcelain")
            #expect(status.isEmpty, "\(device) left changes: \(status)", sourceLocation: sourceLocation)
        }
        if merge.outcome == .merged {
            let parents = try world.git("desk")("log", "--merges", "-1", "--format=%P").split(separator: " ")
            #expect(parents.count == 2, "merge commit lacks a parent", sourceLocation: sourceLocation)
        }
        return world.read("laptop", SyncIntegrationTests.path) ?? ""
    }

    @Test("different keys of the same entry: both values, no conflict")
    func differentKeys() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "energy: 3", with: "energy: 2")
            try world.edit("desk", Self.path, replacing: "mood: 3", with: "mood: 4")
            let text = try syncAround(world)
            #expect(text == Self.day.replacingOccurrences(of: "energy: 3", with: "energy: 2")
                .replacingOccurrences(of: "mood: 3", with: "mood: 4"))
            #expect(try world.conflicts("laptop").isEmpty)
            let log = try world.git("laptop")("log", "--format=%s", "--grep=energy")
            #expect(log.contains("laptop: edit \(Self.path) (energy)"), "\(log)")
            let merges = try world.git("laptop")("log", "--merges", "--format=%s")
            #expect(merges.contains("desk: merge laptop (1 entry merged, 0 conflicts)"), "\(merges)")
        }
    }

    @Test("the same key changed on both: newer value kept, both recorded until resolved")
    func sameKey() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "energy: 3", with: "energy: 1")
            try world.sync("laptop")
            try world.edit("desk", Self.path, replacing: "energy: 3", with: "energy: 5")
            let text = try syncAround(world)
            let conflicts = try world.conflicts("desk")
            #expect(conflicts.count == 1)
            let conflict = try #require(conflicts.first?.conflict)
            #expect(conflict.kind == .field && conflict.field == "energy" && conflict.path == Self.path)
            #expect(Set([conflict.first.value, conflict.second.value]) == ["1", "5"])
            #expect(text.contains("energy: \(conflict.second.value)\n"))
            #expect(try world.conflicts("laptop").map(\.id) == conflicts.map(\.id))

            // Resolve on the laptop keeping the desk's value; the desk sees it after syncing.
            let resolver = try ConflictResolver(root: world.root("laptop"))
            let records = try resolver.records(matching: conflicts[0].id, entryPath: nil)
            _ = try resolver.resolve(records, choice: .keep(device: "desk"))
            #expect(world.read("laptop", Self.path)?.contains("energy: 5\n") == true)
            #expect(try world.conflicts("laptop").isEmpty)
            let last = try world.git("laptop")("show", "--stat", "--format=%s", "HEAD")
            #expect(last.contains(Self.path) && last.contains(conflicts[0].path), "\(last)")
            try syncAround(world)
            #expect(try world.conflicts("desk").isEmpty)
        }
    }

    @Test("the same list: additions from both kept, removals applied")
    func sameList() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "tags: [work, writing]", with: "tags: [work, writing, travel]")
            try world.edit("desk", Self.path, replacing: "tags: [work, writing]", with: "tags: [writing, deadline]")
            let text = try syncAround(world)
            let note = try Note(parsing: Data(text.utf8), path: Self.path)
            // Base order first, then each side's additions (in canonical order, which depends on
            // commit times that may tie here).
            #expect(note.tags.first == "writing" && Set(note.tags) == ["writing", "travel", "deadline"] && note.tags.count == 3)
            #expect(try world.conflicts("laptop").isEmpty)
        }
    }

    @Test("appends to the same section: both lines kept, no conflict")
    func appendSameSection() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- reviewed Ana's draft\n")
            try world.edit("desk", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- fixed the build\n")
            let text = try syncAround(world)
            #expect(text.contains("- reviewed Ana's draft\n") && text.contains("- fixed the build\n"))
            #expect(try world.conflicts("laptop").isEmpty)
            #expect(!text.contains("hearth:conflict"))
        }
    }

    @Test("the same line rewritten: both kept between hearth markers and recorded")
    func sameLine() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "Long call with Sam.", with: "Long call with Sam about the grant.")
            try world.edit("desk", Self.path, replacing: "Long call with Sam.", with: "Short call with Sam, rescheduled.")
            let text = try syncAround(world)
            #expect(text.contains("Long call with Sam about the grant.") && text.contains("Short call with Sam, rescheduled."))
            #expect(text.contains("<!-- hearth:conflict laptop ") && text.contains("<!-- hearth:conflict desk ")
                && text.contains("<!-- hearth:conflict end -->"))
            let conflicts = try world.conflicts("desk")
            #expect(conflicts.map(\.conflict.kind) == [.text])

            // --both keeps both lines and drops the markers and the record in one commit.
            let resolver = try ConflictResolver(root: world.root("desk"))
            _ = try resolver.resolve(try resolver.records(matching: Self.path, entryPath: Self.path), choice: .both)
            let resolved = world.read("desk", Self.path) ?? ""
            #expect(!resolved.contains("hearth:conflict"))
            #expect(resolved.contains("Long call with Sam about the grant.\n") && resolved.contains("Short call with Sam, rescheduled.\n"))
            let changed = try world.git("desk")("show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init)
            #expect(Set(changed) == [Self.path, conflicts[0].path])
            try syncAround(world)
        }
    }

    @Test("the same day created on both devices: shared lines once, both devices' additions kept")
    func sameDayCreated() throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            let laptop = Self.day.replacingOccurrences(of: "mood: 3\n", with: "")
            let desk = Self.day.replacingOccurrences(of: "- wrote the intro\n", with: "- wrote the intro\n- called the bank\n")
                .replacingOccurrences(of: "sleep_h: 7\n", with: "sleep_h: 6.5\n")
            try world.write("laptop", Self.path, laptop)
            try world.write("desk", Self.path, desk)
            let text = try syncAround(world)
            #expect(text.components(separatedBy: "## Done").count == 2, "heading duplicated:\n\(text)")
            #expect(text.contains("- called the bank\n") && text.contains("mood: 3\n"))
            #expect(try world.conflicts("laptop").map { $0.conflict.field } == ["sleep_h"])
        }
    }

    @Test("deleted on one device, edited on the other: the edit survives and is recorded")
    func deleteVersusEdit() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try FileManager.default.removeItem(at: world.root("laptop").appending(path: Self.path))
            try world.edit("desk", Self.path, replacing: "energy: 3", with: "energy: 4")
            let text = try syncAround(world)
            #expect(text.contains("energy: 4"))
            #expect(try world.conflicts("laptop").map(\.conflict.kind) == [.deleted])
        }
    }

    @Test("renamed on one device, edited on the other: the edit follows the rename")
    func renameVersusEdit() throws {
        let note = "---\ntitle: Grant plan\ntags: [grant]\n---\nAims\n\n- one\n- two\n- three\n\nBudget is tight.\n"
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/plan.md": note]) { world in
            let from = world.root("laptop").appending(path: "notes/plan.md")
            try FileManager.default.moveItem(at: from, to: world.root("laptop").appending(path: "notes/grant-plan.md"))
            try world.edit("desk", "notes/plan.md", replacing: "- three\n", with: "- three\n- four\n")
            try syncAround(world)
            #expect(world.read("laptop", "notes/plan.md") == nil)
            #expect(world.read("laptop", "notes/grant-plan.md") == note.replacingOccurrences(of: "- three\n", with: "- three\n- four\n"))
            #expect(try world.conflicts("laptop").isEmpty)
        }
    }
}

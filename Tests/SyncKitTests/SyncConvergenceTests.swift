import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Convergence: the order in which devices sync does not change the notebook they end with.
@Suite("Sync convergence")
struct SyncConvergenceTests {
    static let path = SyncIntegrationTests.path
    static let day = SyncIntegrationTests.day

    /// Commits everything on a device with the git CLI at a fixed time, as hearth's snapshot
    /// would name it, so that two copies of the world hold the very same commits.
    func commit(_ world: SyncWorld, _ device: String, at date: String) throws {
        let git = world.git(device)
        try git("add", "-A")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"),
                                           ["-C", world.root(device).path(percentEncoded: false), "commit", "-q", "-m", "\(device): edit \(Self.path)"],
                                           in: world.root(device), environment: [
                                               "PATH": "/usr/bin:/bin", "HOME": world.home.path(percentEncoded: false),
                                               "GIT_CONFIG_NOSYSTEM": "1",
                                               "GIT_AUTHOR_NAME": device, "GIT_AUTHOR_EMAIL": "\(device)@example.com",
                                               "GIT_COMMITTER_NAME": device, "GIT_COMMITTER_EMAIL": "\(device)@example.com",
                                               "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                                           ])
        guard result.status == 0 else { throw SetupFailure("commit failed: \(result.stderr)") }
    }

    @Test("laptop-then-desk and desk-then-laptop merge the same two commits into the same tree")
    func orderDoesNotMatter() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            // Edits that exercise every merge path: clean keys, a field conflict, a text
            // conflict, concurrent appends, a new file on each side.
            try world.edit("laptop", Self.path, replacing: "energy: 3", with: "energy: 2")
            try world.edit("laptop", Self.path, replacing: "mood: 3", with: "mood: 1")
            try world.edit("laptop", Self.path, replacing: "Long call with Sam.", with: "Long call with Sam, about grants.")
            try world.edit("laptop", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- laptop item\n")
            try world.write("laptop", "notes/laptop.md", "---\ntitle: L\n---\nfrom the laptop\n")
            try world.edit("desk", Self.path, replacing: "sleep_h: 7", with: "sleep_h: 6")
            try world.edit("desk", Self.path, replacing: "mood: 3", with: "mood: 5")
            try world.edit("desk", Self.path, replacing: "Long call with Sam.", with: "Call with Sam moved to Friday.")
            try world.edit("desk", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- desk item\n")
            try world.write("desk", "notes/desk.md", "---\ntitle: D\n---\nfrom the desk\n")
            try commit(world, "laptop", at: "2026-11-22T10:15:00Z")
            try commit(world, "desk", at: "2026-11-22T10:17:00Z")
            let twin = try world.twin(devices: ["laptop", "desk"])

            try world.sync("laptop")
            let merged = try world.sync("desk")
            try twin.sync("desk")
            let mirrored = try twin.sync("laptop")
            #expect(merged.outcome == .merged && mirrored.outcome == .merged)
            #expect(try world.tree("desk") == twin.tree("laptop"))
            #expect(merged.newConflicts.map(\.id).sorted() == mirrored.newConflicts.map(\.id).sorted())
            #expect(Set(merged.newConflicts.map(\.kind)) == ["field", "text"])
            // The newer side (desk, 10:17) keeps its mood; both values are in the record.
            let text = world.read("desk", Self.path) ?? ""
            #expect(text.contains("mood: 5\n") && text.contains("energy: 2\n") && text.contains("sleep_h: 6\n"))
            #expect(text.contains("<!-- hearth:conflict laptop 2026-11-22T10:15Z -->\nLong call with Sam, about grants.\n<!-- hearth:conflict desk 2026-11-22T10:17Z -->\nCall with Sam moved to Friday.\n<!-- hearth:conflict end -->\n"), "\(text)")
            #expect(text.contains("- laptop item\n- desk item\n"))
        }
    }

    @Test("three devices editing one entry converge after each syncs twice in turn")
    func threeDevices() throws {
        try SyncWorld.with(devices: ["laptop", "desk", "phone"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- laptop item\n")
            try world.edit("desk", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- desk item\n")
            try world.edit("phone", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- phone item\n")
            try world.edit("phone", Self.path, replacing: "energy: 3", with: "energy: 4")
            try world.write("desk", "notes/desk-only.md", "desk\n")
            for _ in 0..<2 {
                for device in ["phone", "laptop", "desk"] { try world.sync(device) }
            }
            let trees = try ["laptop", "desk", "phone"].map { try world.tree($0) }
            #expect(Set(trees).count == 1)
            let text = world.read("laptop", Self.path) ?? ""
            for item in ["- laptop item\n", "- desk item\n", "- phone item\n", "energy: 4\n"] {
                #expect(text.contains(item), "missing \(item) in\n\(text)")
            }
            #expect(world.read("phone", "notes/desk-only.md") == "desk\n")
            #expect(try world.conflicts("phone").isEmpty)
        }
    }
}

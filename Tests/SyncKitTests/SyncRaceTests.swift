import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// What happens when the world moves during a sync: another device pushes between fetch and
/// push, the user saves a file between snapshot and checkout, a second sync starts.
@Suite("Sync under concurrent change")
struct SyncRaceTests {
    static let path = SyncIntegrationTests.path
    static let day = SyncIntegrationTests.day

    @Test("another device pushes between fetch and push: the sync fetches, merges and pushes again")
    func pushRace() throws {
        try SyncWorld.with(devices: ["laptop", "desk", "phone"], files: [Self.path: Self.day]) { world in
            try world.edit("desk", Self.path, replacing: "energy: 3", with: "energy: 2")
            try world.edit("phone", Self.path, replacing: "sleep_h: 7", with: "sleep_h: 8")
            var raced = false
            let report = try world.sync("desk") { checkpoint in
                guard checkpoint == .beforePush, !raced else { return }
                raced = true
                // The phone gets there first.
                _ = try? world.sync("phone")
            }
            #expect(raced)
            #expect(report.pushAttempts == 2)
            #expect(report.outcome == .merged)
            let remoteHead = try GitCLI(directory: world.remote, home: world.home)("rev-parse", "main")
            #expect(try world.head("desk") == remoteHead)
            try world.sync("phone")
            try world.sync("laptop")
            for device in ["laptop", "desk", "phone"] {
                let text = world.read(device, Self.path) ?? ""
                #expect(text.contains("energy: 2\n") && text.contains("sleep_h: 8\n"), "\(device):\n\(text)")
            }
            #expect(try world.tree("laptop") == world.tree("phone"))
        }
    }

    @Test("a file saved after the snapshot is not overwritten and goes out with the next sync")
    func saveDuringSync() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            // The laptop changes energy; the desk changes mood and, mid-sync, saves again.
            try world.edit("laptop", Self.path, replacing: "energy: 3", with: "energy: 2")
            try world.sync("laptop")
            try world.edit("desk", Self.path, replacing: "mood: 3", with: "mood: 4")
            var saved: String?
            let report = try world.sync("desk") { checkpoint in
                guard checkpoint == .beforeCheckout, saved == nil else { return }
                let text = (world.read("desk", Self.path) ?? "").replacingOccurrences(of: "Morning walk", with: "Evening walk")
                try? world.write("desk", Self.path, text)
                saved = text
            }
            #expect(report.keptLocal == [Self.path])
            // The save is on disk untouched.
            #expect(world.read("desk", Self.path) == saved)
            // The next sync sends it, merged with the laptop's energy (not reverting it).
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = world.read(device, Self.path) ?? ""
                #expect(text.contains("energy: 2\n") && text.contains("mood: 4\n") && text.contains("Evening walk"), "\(device):\n\(text)")
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.conflicts("desk").isEmpty)
        }
    }

    @Test("a second sync in the same notebook waits, then reports who holds the lock")
    func lockHeld() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lockPath = world.root("laptop").appending(path: ".git/hearth-sync.lock").path(percentEncoded: false)
            // Waiting a little: a child another test spawns at that moment can hold a copy of the
            // setup sync's descriptor until it execs (seen once under heavy load).
            let held = try SyncLock.acquire(at: lockPath, wait: 10)
            #expect(throws: SyncError.self) {
                try Syncer(root: world.root("laptop"), options: SyncOptions(lockWait: 0.2)).sync()
            }
            withExtendedLifetime(held) {}
        }
    }
}

import Foundation
import MergeKit
import SyncKit
import TestSupport
import Testing

/// A device's editor holds an entry from before a sync rewrote it and saves that buffer: the
/// other device's lines the sync brought must survive, and so must the editor's edits; a line
/// deleted after it was seen stays deleted.
@Suite struct SyncStaleSaveTests {
    static let path = "days/2026/2026-11-22.md"
    static let day = """
        ---
        kind: day
        date: 2026-11-22
        energy: 3
        ---
        ## Done
        - wrote the intro

        ## Notes
        Morning walk.

        """
    static let laptopLine = "- laptop: fixed the bike\n"
    static let deskLine = "Evening swim, desk.\n"

    /// How the stale editor writes its buffer.
    enum Save: CaseIterable {
        /// Truncate and write the same file (vim's `backupcopy=yes`, nano).
        case inPlace
        /// Write a new file beside it and rename it over (vim's `backupcopy=no`).
        case byRename
    }

    static func save(_ text: String, to url: URL, _ how: Save) throws {
        switch how {
        case .inPlace:
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        case .byRename:
            let temporary = url.deletingLastPathComponent().appending(path: "4913")
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw SetupFailure("rename failed: \(errno)") }
        }
    }

    /// The laptop adds a line and syncs; the desk's editor reads the entry, the desk syncs
    /// (rewriting the file with the laptop's line): returns the editor's stale buffer.
    func laptopLineArrivesWhileTheDeskEditorIsOpen(_ world: SyncWorld) throws -> String {
        try world.sync("desk")
        try world.edit("laptop", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n" + Self.laptopLine)
        try world.sync("laptop")
        let buffer = try #require(world.read("desk", Self.path))
        try world.sync("desk")
        #expect(world.read("desk", Self.path)?.contains(Self.laptopLine) == true, "the desk's sync did not bring the laptop's line")
        return buffer
    }

    /// The messages of the commits on a device's branch, newest first.
    func messages(_ world: SyncWorld, _ device: String) throws -> String {
        try world.git(device)("log", "--format=%B%x00")
    }

    @Test(arguments: Save.allCases)
    func aStaleSaveKeepsTheOtherDevicesLineAndTheEdit(how: Save) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            try Self.save(buffer.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine),
                          to: world.root("desk").appending(path: Self.path), how)
            let report = try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = try #require(world.read(device, Self.path))
                for line in Self.day.split(separator: "\n").map({ $0 + "\n" }) + [Self.laptopLine, Self.deskLine] {
                    #expect(text.contains(line), "\(device) lost \(line.debugDescription):\n\(text)")
                }
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            let log = try messages(world, "desk")
            #expect(log.contains("kept lines a stale editor save dropped in \(Self.path)"), "\(log)")
            #expect(report.snapshot?.hasPrefix("desk: edit \(Self.path)") == true, "\(String(describing: report.snapshot))")
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    @Test func theEditorSavingItsStaleBufferAgainAfterTheMergeLosesNothing() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            var buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            let entry = world.root("desk").appending(path: Self.path)
            buffer = buffer.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine)
            try Self.save(buffer, to: entry, .byRename)
            try world.sync("desk")
            // The editor never reloaded: its buffer lacks the laptop's line still.
            buffer += "Late note.\n"
            try Self.save(buffer, to: entry, .inPlace)
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = try #require(world.read(device, Self.path))
                for line in [Self.laptopLine, Self.deskLine, "Late note.\n"] {
                    #expect(text.contains(line), "\(device) lost \(line.debugDescription):\n\(text)")
                }
            }
        }
    }

    @Test func aBufferOlderThanTwoRewritesKeepsBothSyncedLines() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            try world.edit("laptop", Self.path, replacing: "Morning walk.\n", with: "Morning walk.\n- laptop: second thought\n")
            try world.sync("laptop")
            try world.sync("desk")
            try Self.save(buffer + "desk after two syncs\n", to: world.root("desk").appending(path: Self.path), .inPlace)
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = try #require(world.read(device, Self.path))
                for line in [Self.laptopLine, "- laptop: second thought\n", "desk after two syncs\n"] {
                    #expect(text.contains(line), "\(device) lost \(line.debugDescription):\n\(text)")
                }
            }
        }
    }

    /// The stale buffer is saved while the next sync runs, so that sync keeps the save back for
    /// the one after (``PendingEdits``), which merged it from what the first sync wrote and took
    /// the laptop's line, never in the buffer, for a deletion (a soak under load lost lines so).
    @Test(arguments: Save.allCases)
    func aStaleSaveKeptBackDuringTheNextSyncKeepsTheOtherDevicesLine(how: Save) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            try world.edit("laptop", Self.path, replacing: "energy: 3\n", with: "energy: 2\n")
            try world.sync("laptop")
            var saved = false
            let report = try world.sync("desk") { checkpoint in
                guard checkpoint == .beforeCheckout, !saved else { return }
                saved = true
                try? Self.save(buffer.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine),
                               to: world.root("desk").appending(path: Self.path), how)
            }
            #expect(report.keptLocal == [Self.path])
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = try #require(world.read(device, Self.path))
                for line in [Self.laptopLine, "energy: 2\n", Self.deskLine] {
                    #expect(text.contains(line), "\(device) lost \(line.debugDescription):\n\(text)")
                }
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    /// The editor saves its stale buffer again right after the snapshot merged the first save
    /// and before it read the file for the commit: that save is judged too, by the next
    /// snapshot, never committed unjudged (a soak under load lost lines so).
    @Test(arguments: Save.allCases)
    func aStaleSaveLandingAfterTheMergeOfThePreviousOneIsJudgedToo(how: Save) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            let entry = world.root("desk").appending(path: Self.path)
            let first = buffer.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine)
            try Self.save(first, to: entry, .inPlace)
            var savedAgain = false
            try world.sync("desk") { checkpoint in
                guard checkpoint == .afterStaleSaves, !savedAgain else { return }
                savedAgain = true
                try? Self.save(first + "Late note.\n", to: entry, how)
            }
            #expect(savedAgain)
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = try #require(world.read(device, Self.path))
                for line in [Self.laptopLine, Self.deskLine, "Late note.\n"] {
                    #expect(text.contains(line), "\(device) lost \(line.debugDescription):\n\(text)")
                }
            }
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    @Test(arguments: Save.allCases)
    func deletingTheOtherDevicesLineAfterSeeingItIsNotUndone(how: Save) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            _ = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            // The desk's editor reloads: it now shows the laptop's line, and the user deletes it.
            let seen = try #require(world.read("desk", Self.path))
            try Self.save(seen.replacingOccurrences(of: Self.laptopLine, with: ""), to: world.root("desk").appending(path: Self.path), how)
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(world.read(device, Self.path) == Self.day, "\(device):\n\(world.read(device, Self.path) ?? "")")
            }
            #expect(try !messages(world, "desk").contains("stale editor save"))
        }
    }

    @Test func aLineDeletedWithOtherEditsAfterASaveThatHeldItIsNotUndone() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            _ = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            // A save that holds the laptop's line is committed: the desk's editor had seen it.
            try world.edit("desk", Self.path, replacing: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine)
            try world.sync("desk")
            // Later the user removes the laptop's line and writes something else in one save.
            let seen = try #require(world.read("desk", Self.path))
            let final = seen.replacingOccurrences(of: Self.laptopLine, with: "") + "Later.\n"
            try world.write("desk", Self.path, final)
            try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                #expect(world.read(device, Self.path) == final, "\(device):\n\(world.read(device, Self.path) ?? "")")
            }
        }
    }

    @Test func aSaveThatDoesNotParseIsCommittedAsSaved() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            let broken = buffer.replacingOccurrences(of: "date: 2026-11-22\n", with: "date: \"2026-11-22\n") + "more\n"
            try Self.save(broken, to: world.root("desk").appending(path: Self.path), .inPlace)
            try world.sync("desk")
            #expect(world.read("desk", Self.path) == broken)
            #expect(try world.git("desk")("show", "HEAD:\(Self.path)") + "\n" == broken)
            #expect(try !messages(world, "desk").contains("stale editor save"))
        }
    }

    @Test func aRestoreAfterARewriteBringsBackExactlyTheOldVersion() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.sync("desk")
            let old = Self.day + "An old note.\n"
            try world.write("desk", Self.path, old)
            try world.sync("desk")
            try world.write("desk", Self.path, Self.day)
            try world.sync("desk")
            _ = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            // The old version lacks the laptop's line and has a line of its own, as a stale save
            // would; restoring it is a deliberate choice of those exact bytes.
            let outcome = try Syncer(root: world.root("desk")).restore(Self.path, to: Data(old.utf8), label: "earlier")
            #expect(outcome.commit != nil)
            #expect(world.read("desk", Self.path) == old)
            #expect(try world.git("desk")("show", "HEAD:\(Self.path)") + "\n" == old)
        }
    }

    /// The laptop and the desk each rewrite the morning walk; the desk's sync brings a conflict.
    func conflictOnTheDesk(_ world: SyncWorld) throws -> ConflictRecord {
        try world.sync("desk")
        try world.edit("laptop", Self.path, replacing: "Morning walk.\n", with: "Rain all day.\n")
        try world.sync("laptop")
        try world.edit("desk", Self.path, replacing: "Morning walk.\n", with: "Swam in the lake.\n")
        try world.sync("desk")
        return try #require(world.conflicts("desk").first)
    }

    @Test func theSaveAfterAResolveKeepsTheResolve() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let conflict = try conflictOnTheDesk(world)
            let resolver = try ConflictResolver(root: world.root("desk"))
            _ = try resolver.resolve(try resolver.records(matching: conflict.id, entryPath: nil), choice: .keep(device: "desk"))
            let resolved = try #require(world.read("desk", Self.path))
            #expect(!resolved.contains("Rain all day.") && resolved.contains("Swam in the lake.\n"), "\(resolved)")
            // The next save holds the resolve: it has seen the sync, it is no stale buffer.
            try world.write("desk", Self.path, resolved + "Later.\n")
            try world.sync("desk")
            #expect(world.read("desk", Self.path) == resolved + "Later.\n", "\(world.read("desk", Self.path) ?? "")")
            #expect(try world.conflicts("desk").isEmpty)
            #expect(try !messages(world, "desk").contains("stale editor save"))
        }
    }

    @Test func aStaleSaveThatConflictsWithTheSyncKeepsBothAsAConflict() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.sync("desk")
            try world.edit("laptop", Self.path, replacing: "Morning walk.\n", with: "Rain all day.\n")
            try world.sync("laptop")
            let buffer = try #require(world.read("desk", Self.path))
            try world.sync("desk")
            try Self.save(buffer.replacingOccurrences(of: "Morning walk.\n", with: "Swam in the lake.\n"),
                          to: world.root("desk").appending(path: Self.path), .inPlace)
            let report = try world.sync("desk")
            try world.sync("laptop")
            for device in ["laptop", "desk"] {
                let text = try #require(world.read(device, Self.path))
                #expect(text.contains("Rain all day.\n") && text.contains("Swam in the lake.\n"), "\(device):\n\(text)")
                #expect(try world.conflicts(device).map(\.conflict.path) == [Self.path], "\(device)")
            }
            #expect(report.newConflicts.count == 1)
            #expect(try world.tree("laptop") == world.tree("desk"))
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }

    @Test func aLineBothSidesAddedLeavesTheProtectionOn() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.sync("desk")
            try world.edit("laptop", Self.path, replacing: "- wrote the intro\n", with: "- wrote the intro\n- groceries\n" + Self.laptopLine)
            try world.sync("laptop")
            let buffer = try #require(world.read("desk", Self.path))
            try world.sync("desk")
            let saved = buffer.replacingOccurrences(of: "- wrote the intro\n", with: "- wrote the intro\n- groceries\n")
                .replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine)
            try Self.save(saved, to: world.root("desk").appending(path: Self.path), .inPlace)
            try world.sync("desk")
            let text = try #require(world.read("desk", Self.path))
            #expect(text.contains(Self.laptopLine) && text.contains(Self.deskLine), "\(text)")
            #expect(text.contains("- groceries\n"), "\(text)")
        }
    }

    @Test func aStaleSaveThatCannotBeMergedInPlaceWaitsOutOfTheSnapshot() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            let buffer = try laptopLineArrivesWhileTheDeskEditorIsOpen(world)
            let entry = world.root("desk").appending(path: Self.path)
            let saved = buffer.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n" + Self.deskLine)
            try Self.save(saved, to: entry, .inPlace)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: entry.path)
            try world.sync("desk")
            // Read-only: the save stays on disk, uncommitted, and history keeps the laptop's line.
            #expect(world.read("desk", Self.path) == saved)
            #expect(try world.git("desk")("show", "HEAD:\(Self.path)").contains(Self.laptopLine.dropLast()))
            #expect(try world.git("desk")("status", "--porcelain").contains(Self.path))
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: entry.path)
            try world.sync("desk")
            let text = try #require(world.read("desk", Self.path))
            #expect(text.contains(Self.laptopLine) && text.contains(Self.deskLine), "\(text)")
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }
}

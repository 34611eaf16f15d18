import Foundation
import TestSupport
import Testing

/// `hearth maintenance` end to end: a notebook whose syncs left a pack each, a folder remote, git
/// as the other device and the checker.
@Suite struct MaintenanceCommandTests {
    /// Two devices where the desk (plain git) pushed `rounds` commits, each fetched by its own
    /// `hearth sync` on the laptop, so the laptop holds a pack per fetch.
    static func devicesWithManyPacks(rounds: Int = 4) throws -> SyncCommandTests.TwoDevices {
        let devices = try SyncCommandTests.TwoDevices()
        for round in 1...rounds {
            try AutoMaintenanceTests.round(devices, round, ["sync"]).requireSuccess()
        }
        return devices
    }

    /// The names in `.git/objects/pack`, sorted.
    static func packListing(_ notebook: TemporaryNotebook) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: notebook.url(".git/objects/pack").path).sorted()
    }

    static func packCount(_ notebook: TemporaryNotebook) throws -> Int {
        try packListing(notebook).filter { $0.hasSuffix(".pack") }.count
    }

    /// Loose objects, as `git count-objects` counts them.
    static func looseObjects(_ notebook: TemporaryNotebook) throws -> Int {
        let counts = try notebook.git("count-objects").stdout
        return Int(counts.split(separator: " ").first ?? "") ?? -1
    }

    /// Adds `count` packs of one new blob each, made by git, as many fetches would leave.
    static func addPacks(_ count: Int, to notebook: TemporaryNotebook) throws {
        for index in 0..<count {
            let file = notebook.base.appendingPathComponent("blob-\(index)")
            try Data("pack \(index) \(UUID())\n".utf8).write(to: file)
            let id = try notebook.git("hash-object", "-w", file.path).requireSuccess().stdout
            let packs = notebook.url(".git/objects/pack").path
            let input = notebook.base.appendingPathComponent("ids-\(index)")
            try Data(id.utf8).write(to: input)
            try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "git pack-objects -q \"$1/pack\" < \"$2\" >/dev/null", "sh", packs, input.path],
                                  in: notebook.root, environment: notebook.environment()).requireSuccess()
        }
    }

    @Test func byDefaultItRollsUpTheSmallPacksAndLooseObjectsAndThenHasNothingToDo() throws {
        let devices = try Self.devicesWithManyPacks(rounds: 3)
        let notebook = devices.notebook
        let loose = try Self.looseObjects(notebook)
        #expect(loose > 0)
        let objects = try notebook.git("cat-file", "--batch-all-objects", "--batch-check").stdout
        let result = try notebook.hearth("maintenance")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("rolled up "), "\(result)")
        #expect(result.stdout.contains(" and \(loose) loose objects into a pack of "), "\(result)")
        #expect(result.stdout.contains("\nremoved \(loose) loose objects\n"), "\(result)")
        #expect(try Self.looseObjects(notebook) == 0)
        #expect(try notebook.git("cat-file", "--batch-all-objects", "--batch-check").stdout == objects)
        let fsck = try notebook.git("fsck", "--strict")
        #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
        let listing = try Self.packListing(notebook)
        let again = try notebook.hearth("maintenance")
        #expect(again.status == 0 && again.stdout.hasPrefix("Nothing to "), "\(again)")
        #expect(try Self.packListing(notebook) == listing)
    }

    /// A roll-up is due at ten small packs (git's `maintenance.incremental-repack.auto`).
    @Test func autoRunsOnlyWhenTenSmallPacksGatheredAndSaysNothingOtherwise() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/a.md", "a\n")
        try notebook.git("add", "-A").requireSuccess()
        try notebook.git("commit", "-q", "-m", "a").requireSuccess()
        try Self.addPacks(9, to: notebook)
        let listing = try Self.packListing(notebook)
        let quiet = try notebook.hearth("maintenance", "--auto")
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet)")
        #expect(try Self.packListing(notebook) == listing)
        // With --json, a script is told that there was nothing to do rather than given nothing.
        let quietJSON = try notebook.hearth("maintenance", "--auto", "--json")
        #expect(quietJSON.status == 0, "\(quietJSON)")
        let nothing = try #require(try JSONSerialization.jsonObject(with: quietJSON.stdoutData) as? [String: Any], "\(quietJSON)")
        #expect(nothing["scope"] as? String == "auto" && nothing["work"] as? String == "nothing", "\(quietJSON)")
        #expect(nothing["packs_before"] as? Int == 9, "\(quietJSON)")
        #expect(try Self.packListing(notebook) == listing)
        // The same notebook without --auto has work to do: --auto looked and found it not due.
        try Self.addPacks(1, to: notebook)
        let due = try notebook.hearth("maintenance", "--auto", "--json")
        #expect(due.status == 0, "\(due)")
        let report = try #require(try JSONSerialization.jsonObject(with: due.stdoutData) as? [String: Any])
        #expect(report["scope"] as? String == "auto" && report["work"] as? String == "roll-up", "\(due)")
        #expect(report["packs_before"] as? Int == 10, "\(due)")
        #expect(try Self.packCount(notebook) <= 2)
        #expect(try notebook.git("fsck", "--strict").status == 0)
        #expect(try notebook.hearth("maintenance", "--full", "--auto").status == 2)
    }

    @Test func fullPacksEverythingIntoOnePackAndTheNextSyncWorks() throws {
        let devices = try Self.devicesWithManyPacks()
        let notebook = devices.notebook
        let packsBefore = try Self.packCount(notebook)
        let listing = try Self.packListing(notebook)
        #expect(packsBefore >= 4, "\(listing)")
        let commits = try notebook.git("log", "--all", "--format=%H").stdout
        let result = try notebook.hearth("maintenance", "--full")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("packed "), "\(result)")
        #expect(result.stdout.contains(": \(packsBefore) packs ("), "\(result)")
        #expect(result.stdout.contains("-> 1 pack ("), "\(result)")
        let after = try Self.packListing(notebook)
        #expect(after.filter { $0.hasSuffix(".pack") }.count == 1, "\(after)")
        let fsck = try notebook.git("fsck", "--strict")
        #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
        #expect(try notebook.git("log", "--all", "--format=%H").stdout == commits)
        #expect(try Self.looseObjects(notebook) == 0)
        let again = try notebook.hearth("maintenance", "--full")
        #expect(again.status == 0 && again.stdout.contains(": already 1 pack ("), "\(again)")
        // The next sync still reads every object, and exchanges with the desk as before.
        try notebook.write("notes/after.md", "after maintenance\n")
        let sync = try notebook.hearth("sync")
        #expect(sync.status == 0, "\(sync)")
        try devices.notebook.git(in: devices.desk, "pull", "-q", "--no-rebase", "origin", "main").requireSuccess()
        #expect(try devices.deskText("notes/after.md") == "after maintenance\n")
    }

    @Test func jsonGivesThePacksTheBytesAndTheObjects() throws {
        let devices = try Self.devicesWithManyPacks(rounds: 3)
        let notebook = devices.notebook
        let packsBefore = try Self.packCount(notebook)
        let objects = try notebook.git("count-objects", "-v").stdout
        let result = try notebook.hearth("maintenance", "--json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result)")
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(report["packs_before"] as? Int == packsBefore, "\(result)")
        #expect(report["packs_after"] as? Int == 1, "\(result)")
        let packBytes = try Self.packListing(notebook).filter { $0.hasSuffix(".pack") || $0.hasSuffix(".idx") }
            .reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: notebook.url(".git/objects/pack/\($1)").path)[.size] as? Int) ?? 0) }
        #expect(report["bytes_after"] as? Int == packBytes, "\(result)")
        #expect((report["bytes_before"] as? Int ?? 0) > 0, "\(result)")
        // Every object git counts in packs or loose is reachable here, so all are written.
        let counted = objects.split(separator: "\n").reduce(0) { total, line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0] == "count:" || parts[0] == "in-pack:" else { return total }
            return total + (Int(parts[1]) ?? 0)
        }
        let written = try #require(report["objects_written"] as? Int)
        #expect(written > 0 && written <= counted, "\(result) \(objects)")
        let fsck = try notebook.git("fsck", "--strict")
        #expect(fsck.status == 0, "\(fsck)")
    }

    @Test func whileASyncHoldsTheNotebookItFailsAsSyncDoesAndChangesNothing() throws {
        let devices = try Self.devicesWithManyPacks(rounds: 2)
        let notebook = devices.notebook
        let listing = try Self.packListing(notebook)
        let lock = notebook.url(".git/hearth-sync.lock").path
        // flock(1) holds the same kind of lock hearth takes, as a running sync would; with
        // --no-fork the holder is one process, so stopping it frees the lock.
        let holder = try ChildProcess("/usr/bin/flock", ["--no-fork", lock, "sleep", "20"], environment: notebook.environment())
        defer { holder.stop() }
        var held = false
        let deadline = Date().addingTimeInterval(10)
        while !held, Date() < deadline {
            let probe = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/flock"), ["-n", lock, "true"],
                                              in: notebook.root, environment: notebook.environment())
            held = probe.status != 0
            if !held { Thread.sleep(forTimeInterval: 0.05) }
        }
        try #require(held, "flock(1) never took the lock")
        let result = try notebook.hearth("maintenance", "--wait", "0.5")
        #expect(result.status == 1, "\(result)")
        let sync = try notebook.hearth("sync", "--wait", "0.5")
        #expect(sync.status == 1, "\(sync)")
        #expect(result.stderr.contains("another sync is running in this notebook"), "\(result)")
        #expect(result.stderr == sync.stderr, "\(result)\n\(sync)")
        #expect(try Self.packListing(notebook) == listing)
        // A background run does not wait for the lock: it gives up at once, quietly.
        let auto = try notebook.hearth("maintenance", "--auto", "--wait", "30")
        #expect(auto.status == 0 && auto.stdout.isEmpty && auto.stderr.isEmpty, "\(auto)")
        #expect(try Self.packListing(notebook) == listing)
        holder.stop()
        #expect(try notebook.hearth("maintenance", "--full").status == 0)
        #expect(try Self.packCount(notebook) == 1)
    }

    @Test func outsideANotebookItSaysSoAsEveryCommandDoes() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let outside = notebook.base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let result = try notebook.hearth("maintenance", in: outside)
        let sync = try notebook.hearth("sync", in: outside)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("run hearth init, or use -C DIR"), "\(result)")
        #expect(result.stderr == sync.stderr, "\(result)\n\(sync)")
        #expect(result.stdout.isEmpty)
    }
}

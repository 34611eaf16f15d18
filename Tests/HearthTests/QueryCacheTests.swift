import Foundation
import TestSupport
import Testing

/// Issue 13, "Query cache": edits made behind hearth's back are always seen. Each test warms the
/// cache (and proves a second run took every entry from it), edits the way a person or another
/// program would, and runs again: the answer shows the edit, and the trace shows the edited
/// entry read from disk while the others still came from the cache.
@Suite struct QueryCacheTests {
    static let edited = "days/2026/2026-11-20.md"
    /// The query every test asks: the days whose energy is 1.
    static let lowEnergy = ["list", "--kind", "day", "--where", "energy=1"]

    static func day(_ date: String, energy: Int, tags: String = "[]") -> String {
        "---\nkind: day\ndate: \(date)\nenergy: \(energy)\nmood: 3\nwork_h: 8\ntags: \(tags)\n---\n\n## Notes\nwrote on \(date)\n"
    }

    /// A committed notebook of six days (one already at energy 1) and a note.
    static func notebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        for (number, energy) in [(16, 2), (17, 1), (18, 4), (19, 3), (20, 3), (21, 5)] {
            try notebook.write("days/2026/2026-11-\(number).md", day("2026-11-\(number)", energy: energy))
        }
        try notebook.write("notes/garden.md", "---\ntitle: Garden\ntags: [outside]\n---\nTomatoes.\n")
        try notebook.commitAll("six days and a note")
        return notebook
    }

    /// The entry paths a `list` printed, in order.
    static func paths(_ result: ProcessResult) -> [String] {
        result.stdoutLines.compactMap { line in line.split(separator: " ").map(String.init).first { $0.hasSuffix(".md") } }
    }

    /// Runs the query after an edit and checks the answer and that exactly `misses` entries
    /// (of `entries`) were read again.
    func expectAfterEdit(_ notebook: TemporaryNotebook, paths expected: [String], entries: Int, misses: Int,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (result, trace) = try notebook.traced(Self.lowEnergy)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(Self.paths(result) == expected, "\(result)", sourceLocation: sourceLocation)
        #expect(trace.entries == entries && trace.misses == misses, "\(trace)", sourceLocation: sourceLocation)
    }

    // MARK: - Editors

    /// Warms the cache, then types `command` (an editor on the edited day) at a real terminal,
    /// waits for `shown` on its screen, lets `keys` change energy 3 to 1 and save, and waits for
    /// the editor to exit 0: the next query must read that day again and show it.
    func editorChangesEnergy(_ name: String, _ command: String, shown: @escaping (String) -> Bool,
                             keys: (TmuxSession) throws -> Void) throws {
        let notebook = try Self.notebook()
        let (before, warm) = try notebook.warmQueryCache(Self.lowEnergy)
        #expect(Self.paths(before) == ["days/2026/2026-11-17.md"])
        let terminal = try TmuxSession(notebook, environment: [:])
        try terminal.type("\(command); echo editor-exit-$?")
        try terminal.press("Enter")
        try terminal.waitForScreen("\(name) to show the entry", shown)
        try keys(terminal)
        try terminal.waitForScreen("\(name) to exit") { $0.contains("editor-exit-0") }
        #expect(try notebook.text(Self.edited).contains("\nenergy: 1\n"), terminal.shown)
        try expectAfterEdit(notebook, paths: ["days/2026/2026-11-17.md", Self.edited], entries: warm.entries, misses: 1)
    }

    @Test func vimChangingEnergyIsSeen() throws {
        try editorChangesEnergy("vim", "vim -u NONE -i NONE -N \(Self.edited)", shown: { $0.contains("wrote on 2026-11-20") }) { terminal in
            try terminal.type(":%s/^energy: 3$/energy: 1/")
            try terminal.press("Enter")
            try terminal.type(":wq")
            try terminal.press("Enter")
        }
    }

    @Test func nanoChangingEnergyIsSeen() throws {
        // Line 4 is "energy: 3"; column 9 is its digit.
        try editorChangesEnergy("nano", "nano +4,9 \(Self.edited)", shown: { $0.contains("GNU nano") && $0.contains("energy: 3") }) { terminal in
            try terminal.press("DC")
            try terminal.type("1")
            try terminal.press("C-o")
            try terminal.waitForScreen("nano to ask for the file name") { $0.contains("File Name to Write") }
            try terminal.press("Enter")
            try terminal.waitForScreen("nano to write the file") { $0.contains("Wrote") }
            try terminal.press("C-x")
        }
    }

    // MARK: - Other programs

    @Test func sedInPlaceIsSeen() throws {
        let notebook = try Self.notebook()
        let (_, warm) = try notebook.warmQueryCache(Self.lowEnergy)
        try notebook.run("sed", "-i", "s/^energy: 3$/energy: 1/", Self.edited).requireSuccess()
        try expectAfterEdit(notebook, paths: ["days/2026/2026-11-17.md", Self.edited], entries: warm.entries, misses: 1)
        // And back, by a second sed: the entry that is cached now must not stick either.
        try notebook.run("sed", "-i", "s/^energy: 1$/energy: 3/", "days/2026/2026-11-17.md").requireSuccess()
        let (result, _) = try notebook.traced(Self.lowEnergy)
        #expect(Self.paths(result) == [Self.edited], "\(result)")
    }

    /// The energy series of a `review --json` (one value a day, null for a day not logged).
    static func energySeries(_ result: ProcessResult) -> [Double?]? {
        let report = try? JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let levels = report?["levels"] as? [[String: Any]]
        let series = levels?.first { $0["key"] as? String == "energy" }?["series"] as? [Any]
        return series?.map { $0 as? Double }
    }

    /// The hardest edit: the same size, in the same second as the cache write, and the mtime set
    /// back to what the cache recorded. Only the racy-timestamp rule, the ctime or the inode
    /// (when the file is replaced) can tell; each command that uses the cache must see it.
    @Test(arguments: [true, false], [
        ["list", "--kind", "day", "--where", "energy=1"],
        ["export"],
        ["grep", "--field", "energy", "^1$"],
        ["check"],
        ["review", "--since", "2026-11-16", "--until", "2026-11-22", "--json"],
    ])
    func sameSizeSaveWithTheOldMtimeInTheSameSecondIsSeen(inPlace: Bool, command: [String]) throws {
        let notebook = try Self.notebook()
        notebook.settle()
        let original = try notebook.fileStatus(Self.edited)
        let text = try notebook.text(Self.edited)
        // The edit sets energy 3 to 1, or for check to 9, out of its range, which check reports.
        let value = command[0] == "check" ? "9" : "1"
        // Whether an output shows the edited entry at that energy.
        let showsEdit: (ProcessResult) -> Bool = { result in
            switch command[0] {
            case "list": return Self.paths(result).contains(Self.edited)
            case "export":
                let line = result.stdoutLines.first { $0.contains("\"path\":\"\(Self.edited)\"") } ?? ""
                return line.contains("\"energy\":1,")
            case "check": return result.stdout.contains("\(Self.edited):4: error: energy must be from 1 to 5, not 9")
            // The edited day is the fifth of the week reviewed.
            case "review": return Self.energySeries(result).map { $0.count == 7 && $0[4] == 1 } ?? false
            default: return result.stdout.contains("\(Self.edited):4:energy: 1\n")
            }
        }
        let (cold, _) = try notebook.traced(command)
        try #require(FileManager.default.fileExists(atPath: notebook.queryCache.path), "no cache after \(command): \(cold)")
        #expect(cold.status == 0 && !showsEdit(cold), "\(cold)")
        if command[0] == "review" { #expect(Self.energySeries(cold) == [2, 1, 4, 3, 3, 5, nil], "\(cold)") }
        // At once, without waiting for the clock: the same second as the cache's write.
        try notebook.overwrite(Self.edited, with: text.replacingOccurrences(of: "\nenergy: 3\n", with: "\nenergy: \(value)\n"),
                               inPlace: inPlace, keeping: original)
        let now = try notebook.fileStatus(Self.edited)
        try #require(now.st_size == original.st_size && now.st_mtim.tv_sec == original.st_mtim.tv_sec
                     && now.st_mtim.tv_nsec == original.st_mtim.tv_nsec, "the edit did not keep size and mtime")
        #expect((now.st_ino == original.st_ino) == inPlace)

        let (result, trace) = try notebook.traced(command)
        #expect(result.status == (command[0] == "check" ? 1 : 0), "\(result)")
        #expect(showsEdit(result), "\(result)")
        #expect(trace.misses == 1 && trace.hits == trace.entries - 1, "\(trace)")
        // A later run, from the cache written after the edit, holds too.
        let (again, _) = try notebook.traced(command)
        #expect(again.stdout == result.stdout, "\(again)")
    }

    /// hearth's own write, and a query run from a subfolder (paths printed from there): the
    /// cache is the notebook's, wherever the command starts.
    @Test func hearthSetAndAQueryFromASubfolderAreSeen() throws {
        let notebook = try Self.notebook()
        let (_, warm) = try notebook.warmQueryCache(Self.lowEnergy)
        try notebook.hearth("set", Self.edited, "energy=1").requireSuccess()
        let (result, trace) = try notebook.traced(Self.lowEnergy, in: notebook.url("days/2026"))
        #expect(result.status == 0, "\(result)")
        #expect(Self.paths(result) == ["2026-11-17.md", "2026-11-20.md"], "\(result)")
        #expect(trace.entries == warm.entries && trace.hits >= warm.entries - 1, "\(trace)")
        // And back with sed, run from the other folder.
        try notebook.run("sed", "-i", "s/^energy: 1$/energy: 3/", Self.edited).requireSuccess()
        let (back, backTrace) = try notebook.traced(Self.lowEnergy, in: notebook.url("notes"))
        #expect(Self.paths(back) == ["../days/2026/2026-11-17.md"], "\(back)")
        #expect(backTrace.misses >= 1, "\(backTrace)")
    }

    // MARK: - Sync

    @Test func syncBringingChangesFromAnotherDeviceIsSeen() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        for (day, energy) in [(18, 4), (19, 3), (20, 2)] {
            try laptop.write("days/2026/2026-11-\(day).md", Self.day("2026-11-\(day)", energy: energy))
        }
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        let (before, warm) = try laptop.warmQueryCache(Self.lowEnergy)
        #expect(Self.paths(before).isEmpty, "\(before)")

        // The desk lowers today's energy (3 to 1) and writes a day the laptop has not seen.
        try devices.desk("set", "today", "energy=1").requireSuccess()
        try Data(Self.day("2026-11-15", energy: 1).utf8).write(to: devices.desk.appendingPathComponent("days/2026/2026-11-15.md"))
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(try laptop.text(SyncCommandTests.path).contains("\nenergy: 1\n"))

        let (result, trace) = try laptop.traced(Self.lowEnergy)
        #expect(result.status == 0, "\(result)")
        #expect(Self.paths(result) == ["days/2026/2026-11-15.md", SyncCommandTests.path], "\(result)")
        #expect(trace.entries == warm.entries + 1, "\(trace)")
        #expect(trace.misses >= 2 && trace.hits >= 1, "the changed and the new entry are read, the rest cached: \(trace)")
    }

    // MARK: - git checkout

    @Test func checkoutOfAnOlderVersionOfAnEntryIsSeen() throws {
        let notebook = try Self.notebook()
        try notebook.run("sed", "-i", "s/^energy: 3$/energy: 1/", Self.edited).requireSuccess()
        try notebook.commitAll("a bad day after all")
        let (before, warm) = try notebook.warmQueryCache(Self.lowEnergy)
        #expect(Self.paths(before) == ["days/2026/2026-11-17.md", Self.edited])
        // Back to energy 3: the same size, very likely within the same second as the cache.
        try notebook.git("checkout", "HEAD~1", "--", Self.edited).requireSuccess()
        try expectAfterEdit(notebook, paths: ["days/2026/2026-11-17.md"], entries: warm.entries, misses: 1)
    }

    @Test func checkoutOfABranchIsSeen() throws {
        let notebook = try Self.notebook()
        try notebook.git("checkout", "-q", "-b", "other").requireSuccess()
        try notebook.run("sed", "-i", "s/^energy: 3$/energy: 1/", Self.edited).requireSuccess()
        try notebook.write("days/2026/2026-11-14.md", Self.day("2026-11-14", energy: 1))
        try notebook.git("rm", "-q", "days/2026/2026-11-16.md").requireSuccess()
        try notebook.commitAll("another week")
        try notebook.git("checkout", "-q", "main").requireSuccess()
        let (before, warm) = try notebook.warmQueryCache(Self.lowEnergy)
        #expect(Self.paths(before) == ["days/2026/2026-11-17.md"])

        try notebook.git("checkout", "-q", "other").requireSuccess()
        // One changed and one new entry read; one gone.
        try expectAfterEdit(notebook, paths: ["days/2026/2026-11-14.md", "days/2026/2026-11-17.md", Self.edited],
                            entries: warm.entries, misses: 2)
        try notebook.git("checkout", "-q", "main").requireSuccess()
        let (back, _) = try notebook.traced(Self.lowEnergy)
        #expect(Self.paths(back) == ["days/2026/2026-11-17.md"], "\(back)")
    }

    // MARK: - Files added, deleted, renamed

    @Test func addedDeletedAndRenamedFilesAreSeen() throws {
        let notebook = try Self.notebook()
        let (_, warm) = try notebook.warmQueryCache(Self.lowEnergy)

        try notebook.write("days/2026/2026-11-12.md", Self.day("2026-11-12", energy: 1))
        try expectAfterEdit(notebook, paths: ["days/2026/2026-11-12.md", "days/2026/2026-11-17.md"],
                            entries: warm.entries + 1, misses: 1)

        try notebook.warmQueryCache(Self.lowEnergy)
        try FileManager.default.removeItem(at: notebook.url("days/2026/2026-11-17.md"))
        try expectAfterEdit(notebook, paths: ["days/2026/2026-11-12.md"], entries: warm.entries, misses: 0)

        try notebook.warmQueryCache(Self.lowEnergy)
        // Renamed to another day's name: the path is new, the front-matter (date) is not.
        try FileManager.default.moveItem(at: notebook.url("days/2026/2026-11-12.md"), to: notebook.url("days/2026/2026-11-13.md"))
        let (renamed, trace) = try notebook.traced(Self.lowEnergy)
        #expect(Self.paths(renamed) == ["days/2026/2026-11-13.md"], "\(renamed)")
        #expect(trace.entries == warm.entries && trace.misses == 1, "\(trace)")
    }
}

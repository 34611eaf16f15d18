import Foundation
import TestSupport
import Testing

/// History across days, devices and renames: each commit is made by hearth at a chosen time
/// (`GIT_COMMITTER_DATE`, which hearth honours as git does), so `--at` and `--since` are tested
/// against commits on different days, not all in the same second.
@Suite struct HistoryTimelineTests {
    static let path = SyncCommandTests.path

    /// Runs hearth on a device as if it were `time` (UTC).
    @discardableResult
    func at(_ time: String, _ notebook: TemporaryNotebook, _ arguments: String..., in directory: URL? = nil) throws -> ProcessResult {
        let result = try notebook.hearth(arguments, in: directory, environment: ["GIT_COMMITTER_DATE": time + "Z"])
        try result.requireSuccess()
        return result
    }

    func log(_ notebook: TemporaryNotebook, _ arguments: String..., in directory: URL? = nil) throws -> [[String: Any]] {
        let result = try notebook.hearth(["log", "--json"] + arguments, in: directory)
        try result.requireSuccess()
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
    }

    func words(_ events: [[String: Any]]) -> [[String]] {
        events.map { ($0["changes"] as? [[String: Any]] ?? []).compactMap { $0["words"] as? String } }
    }

    func energy(_ result: ProcessResult) -> String? {
        result.stdoutLines.first { $0.hasPrefix("energy:") }
    }

    @Test func atADayMeansTheNewestChangeByThenOnAnyDevice() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        try at("2030-11-10T09:00:00", laptop, "set", "today", "energy=1")
        try at("2030-11-10T09:00:00", laptop, "sync")
        try at("2030-11-12T09:00:00", laptop, "sync", in: devices.desk)
        try at("2030-11-13T09:00:00", laptop, "set", "today", "energy=2", in: devices.desk)
        try at("2030-11-13T09:00:00", laptop, "sync", in: devices.desk)
        try at("2030-11-15T09:00:00", laptop, "set", "today", "energy=4")
        // The laptop's edit of the 15th merges with the desk's of the 13th.
        try at("2030-11-15T09:00:00", laptop, "sync")
        try at("2030-11-16T09:00:00", laptop, "sync", in: devices.desk)

        // On the desk, a fast-forward made the laptop's line its own: the 14th is still the
        // desk's own version of the 13th, not the older one the first-parent line passes through.
        #expect(energy(try laptop.hearth("show", "today", "--at", "2030-11-14", in: devices.desk)) == "energy: 2")
        #expect(energy(try laptop.hearth("show", "today", "--at", "2030-11-11")) == "energy: 1")
        #expect(energy(try laptop.hearth("show", "today", "--at", "2030-11-13T08:59")) == "energy: 1")
        #expect(energy(try laptop.hearth("show", "today", "--at", "2030-11-13T09:00")) == "energy: 2")
        let merged = try laptop.hearth("show", "today", "--at", "2030-11-15")
        let now = try laptop.text(Self.path)
        #expect(energy(merged) != nil && merged.stdout == now, "\(merged)")
        // Before the edits (dated 2030, after the set-up made with the real clock): the set-up's version.
        #expect(energy(try laptop.hearth("show", "today", "--at", "2030-11-01")) == "energy: 3")
        let early = try laptop.hearth("show", "today", "--at", "2020-01-01")
        #expect(early.status == 1 && early.stderr.contains("history starts at"), "\(early)")

        #expect(try log(laptop, "--since", "2030-11-13", "--until", "2030-11-13").map { $0["device"] as? String } == ["desk"])
        #expect(words(try log(laptop, "today", "--since", "2030-01-01", "--until", "2030-11-12")) == [["edit \(Self.path): energy 3 -> 1"]])
        let since = try laptop.hearth("diff", "today", "--since", "2030-11-14")
        #expect(since.stdoutLines.first?.hasPrefix("edit \(Self.path): energy 2 -> ") == true, "\(since)")
    }

    @Test func anEntryFollowedThroughRenamesOnTwoDevices() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let body = (1...8).map { "line \($0)" }.joined(separator: "\n")
        try laptop.write("notes/idea.md", "---\ntitle: Idea\n---\n\(body)\n")
        try at("2026-11-10T09:00:00", laptop, "sync")
        try at("2026-11-10T10:00:00", laptop, "sync", in: devices.desk)
        // The laptop edits the entry under its old name while the desk renames it.
        try at("2026-11-11T09:00:00", laptop, "set", "notes/idea.md", "status=draft")
        try at("2026-11-11T09:00:00", laptop, "sync")
        try FileManager.default.moveItem(at: devices.desk.appendingPathComponent("notes/idea.md"),
                                         to: devices.desk.appendingPathComponent("notes/better.md"))
        try at("2026-11-11T10:00:00", laptop, "sync", in: devices.desk)
        try at("2026-11-12T09:00:00", laptop, "sync")
        #expect(laptop.exists("notes/better.md") && !laptop.exists("notes/idea.md"))

        let history = words(try log(laptop, "better"))
        let flat = history.flatMap { $0 }
        #expect(flat.contains("edit notes/idea.md: status = draft"), "the laptop's edit under the old name: \(history)")
        #expect(flat.contains("rename notes/idea.md -> notes/better.md"), "\(history)")
        #expect(flat.last?.hasPrefix("add notes/idea.md") == true, "\(history)")

        // The desk's commit of the rename (before its merge with the laptop's edit), shown from the
        // laptop, whose own line never had that commit: the desk's version, without the status.
        let renaming = try log(laptop, "better").first { words([$0]).first?.contains("rename notes/idea.md -> notes/better.md") == true }
        #expect(renaming?["device"] as? String == "desk")
        let deskCommit = try #require(renaming?["commit"] as? String)
        let shown = try laptop.hearth("show", "better", "--at", String(deskCommit.prefix(7)))
        #expect(shown.status == 0 && shown.stdout.hasPrefix("---\ntitle: Idea\n---\nline 1"), "\(shown)")

        // The old name's log ends with the rename away from it.
        #expect(words(try log(laptop, "notes/idea.md")).first == ["rename notes/idea.md -> notes/better.md"])
    }

    @Test func anotherFileThatOnceHadTheNameIsNotPartOfTheEntrysStory() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/b.md", "---\ntitle: Old B\n---\nnothing to do with a\n")
        try at("2026-11-10T09:00:00", notebook, "sync")
        try FileManager.default.removeItem(at: notebook.url("notes/b.md"))
        try at("2026-11-11T09:00:00", notebook, "sync")
        try notebook.write("notes/a.md", "---\ntitle: A\n---\none\ntwo\nthree\n")
        try at("2026-11-12T09:00:00", notebook, "sync")
        try FileManager.default.moveItem(at: notebook.url("notes/a.md"), to: notebook.url("notes/b.md"))
        try at("2026-11-13T09:00:00", notebook, "sync")

        let history = words(try log(notebook, "notes/b.md")).flatMap { $0 }
        #expect(history == ["rename notes/a.md -> notes/b.md", "add notes/a.md: title = A, 3 lines"], "\(history)")
    }

    @Test func restoreOfARenamedThenDeletedEntryBringsItBackUnderItsLastName() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/a.md", "---\ntitle: A\n---\none\ntwo\nthree\n")
        try at("2026-11-10T09:00:00", notebook, "sync")
        try FileManager.default.moveItem(at: notebook.url("notes/a.md"), to: notebook.url("notes/b.md"))
        try at("2026-11-11T09:00:00", notebook, "sync")
        try FileManager.default.removeItem(at: notebook.url("notes/b.md"))
        try at("2026-11-12T09:00:00", notebook, "sync")

        let restored = try notebook.hearth("restore", "notes/b.md", "--at", "2026-11-10")
        try restored.requireSuccess()
        #expect(notebook.exists("notes/b.md") && !notebook.exists("notes/a.md"), "\(restored)")
        #expect(try notebook.text("notes/b.md") == "---\ntitle: A\n---\none\ntwo\nthree\n")
        // The message names the version by its commit and time, never by a relative word.
        let subject = try notebook.git("log", "-1", "--format=%s").stdout
        let first = try notebook.git("rev-list", "--max-parents=0", "HEAD").stdout.prefix(7)
        let version = try notebook.git("log", "-1", "--format=%h", "--before=2026-11-10T23:59:59Z", "--abbrev=7").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(subject.hasPrefix("laptop: restore notes/b.md as of \(version) (2026-11-10T09:00:00Z)"), "\(subject) first \(first)")
    }

    @Test func diffTellsAnUncommittedRenameAsOneChange() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/draft.md", "---\ntitle: Draft\n---\none\ntwo\nthree\nfour\n")
        try notebook.hearth("sync").requireSuccess()
        try FileManager.default.moveItem(at: notebook.url("notes/draft.md"), to: notebook.url("notes/final.md"))
        try notebook.write("notes/final.md", "---\ntitle: Final\n---\none\ntwo\nthree\nfour\n")
        let diff = try notebook.hearth("diff")
        #expect(diff.stdoutLines == ["rename notes/draft.md -> notes/final.md: title Draft -> Final"], "\(diff)")
        // And the next sync records exactly that.
        try notebook.hearth("sync").requireSuccess()
        #expect(try log(notebook, "-n1").first.map { words([$0]) } == [["rename notes/draft.md -> notes/final.md: title Draft -> Final"]])
    }

    @Test func diffSinceADayTakesEachFileAsItsNewestChangeByThenLeftIt() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        // The laptop records an edit while its remote is away (the sync commits, then fails).
        try laptop.hearth("set", "today", "energy=5").requireSuccess()
        let away = laptop.base.appendingPathComponent("remote-away.git")
        try FileManager.default.moveItem(at: devices.remote, to: away)
        let offline = try laptop.hearth(["sync"], environment: ["GIT_COMMITTER_DATE": "2030-11-13T12:00:00Z"])
        #expect(offline.status == 1, "\(offline)")
        try FileManager.default.moveItem(at: away, to: devices.remote)
        // The desk adds a note an hour later; the laptop merges the next day.
        try laptop.write(devices.desk.appendingPathComponent("notes/plan.md"), bytes: Array("---\ntitle: Plan\n---\none\ntwo\nthree\n".utf8))
        try at("2030-11-13T13:00:00", laptop, "sync", in: devices.desk)
        try at("2030-11-14T09:00:00", laptop, "sync")

        // Both changes were recorded before the 14th: nothing changed since it began, although
        // the newest commit before it (the desk's) lacks the laptop's edit.
        let since14 = try laptop.hearth("diff", "--since", "2030-11-14")
        #expect(since14.stdout.isEmpty && since14.stderr == "No changes since 2030-11-14.\n", "\(since14)")
        let since13 = try laptop.hearth("diff", "--since", "2030-11-13")
        #expect(since13.stdoutLines == ["edit \(Self.path): energy 3 -> 5", "add notes/plan.md: title = Plan, 3 lines"], "\(since13)")
        #expect(try laptop.hearth("diff", "today", "--since", "2030-11-14").stderr.hasPrefix("No changes"))

        // A move not yet synced is one rename, whichever of its names is asked about.
        try FileManager.default.moveItem(at: laptop.url("notes/plan.md"), to: laptop.url("notes/plans.md"))
        for name in ["notes/plans.md", "notes/plan.md"] {
            #expect(try laptop.hearth("diff", name).stdoutLines == ["rename notes/plan.md -> notes/plans.md"], "\(name)")
        }
    }

    @Test func atTakesTimesWithSecondsOrASpaceAndCallsAMistakenDateAUsageError() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try at("2030-11-20T14:30:10", notebook, "set", "today", "energy=2")
        try at("2030-11-20T14:30:10", notebook, "sync")
        try at("2030-11-20T14:31:00", notebook, "set", "today", "energy=4")
        try at("2030-11-20T14:31:00", notebook, "sync")
        #expect(energy(try notebook.hearth("show", "today", "--at", "2030-11-20T14:30")) == "energy: 2")
        #expect(energy(try notebook.hearth("show", "today", "--at", "2030-11-20 14:30:59")) == "energy: 2")
        #expect(energy(try notebook.hearth("show", "today", "--at", "2030-11-20T14:31:00")) == "energy: 4")
        for mistake in ["2030-11-20T25:00", "2030-11-20T14:30:75"] {
            let result = try notebook.hearth("show", "today", "--at", mistake)
            #expect(result.status == 2 && result.stderr.contains("--at \(mistake) is not a day like"), "\(result)")
        }
        // A day that does not exist is called that, with or without a time.
        for mistake in ["2030-13-45", "2030-13-45T10:00"] {
            let result = try notebook.hearth("show", "today", "--at", mistake)
            #expect(result.status == 2 && result.stderr == "hearth: error: --at 2030-13-45 is not a date: there is no month 13 (months are 01 to 12)\n",
                    "\(result)")
        }
        // Restoring what the entry already reads commits nothing, not even other edits.
        try notebook.write("notes/other.md", "---\ntitle: Other\n---\n")
        let head = try notebook.git("rev-parse", "HEAD").stdout
        let same = try notebook.hearth("restore", "today", "--at", "HEAD")
        #expect(same.status == 0 && same.stdout.contains("already reads as it did"), "\(same)")
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)
        #expect(try notebook.git("status", "--porcelain", "--untracked-files=all").stdout == "?? notes/other.md\n")
    }

    @Test func aCommitDateHearthCannotReadStopsTheCommandBeforeItWrites() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let head = try notebook.git("rev-parse", "HEAD").stdout
        let result = try notebook.hearth(["sync"], environment: ["GIT_COMMITTER_DATE": "last tuesday"])
        #expect(result.status == 2 && result.stderr.contains("GIT_COMMITTER_DATE=last tuesday is not a date"), "\(result)")
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)
        try at("2026-11-10T09:30:00", notebook, "sync")
        #expect(try notebook.git("log", "-1", "--format=%ct %cd", "--date=iso-strict").stdout == "1794303000 2026-11-10T09:30:00+00:00\n")
    }

    /// An entry written at 22:00 on the 20th in Los Angeles (06:00 on the 21st in UTC, 07:00 in
    /// Berlin) existed on the 20th: `restore --at` and `show --at` find it for a reader in Berlin
    /// and in Los Angeles alike, and agree, and the 19th still has no version of it.
    @Test func atADayFindsAnEntryWrittenThatDayOnTheWritersClockInAnyTimeZone() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let la = ["TZ": "America/Los_Angeles"]
        try laptop.hearth(["new", "note", "--title", "Plan", "--no-edit"], in: devices.desk,
                          environment: la.merging(["GIT_COMMITTER_DATE": "2030-11-20T22:00:00-08:00"]) { $1 }).requireSuccess()
        let written = try devices.deskText("notes/plan.md")
        try laptop.hearth(["sync"], in: devices.desk, environment: ["GIT_COMMITTER_DATE": "2030-11-20T22:00:00-08:00"]).requireSuccess()
        try at("2030-11-22T09:00:00", laptop, "sync")
        try laptop.write("notes/plan.md", written + "A line from the 22nd.\n")
        try at("2030-11-22T10:00:00", laptop, "sync")

        for zone in ["Europe/Berlin", "America/Los_Angeles", "UTC"] {
            let environment = ["TZ": zone]
            let shown = try laptop.hearth(["show", "notes/plan.md", "--at", "2030-11-20"], environment: environment)
            #expect(shown.status == 0 && shown.stdout == written, "\(zone): \(shown)")
            let before = try laptop.hearth(["restore", "notes/plan.md", "--at", "2030-11-19"], environment: environment)
            #expect(before.status == 1 && before.stderr.contains("did not exist at 2030-11-19"), "\(zone): \(before)")
        }
        let restored = try laptop.hearth(["restore", "notes/plan.md", "--at", "2030-11-20"], environment: ["TZ": "Europe/Berlin"])
        #expect(restored.status == 0 && restored.stdout.contains("(2030-11-20T22:00:00-08:00)"), "\(restored)")
        #expect(try laptop.text("notes/plan.md") == written)
    }
}

import Foundation
import TestSupport
import Testing

/// `hearth log`, `show --at`, `restore` and `diff` end to end, on histories made by hearth itself:
/// `set`, `jot`, `sync` between two devices through a bare remote.
@Suite struct HistoryCommandTests {
    static let path = SyncCommandTests.path

    /// A day relative to the real clock, read when called (hearth stamps commits with the real
    /// clock; only `today` as an entry name is pinned): read after the commits, `realDay()` ends
    /// after all of them and `realDay(1)` starts after all of them, even across midnight.
    static func realDay(_ offset: Int = 0) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    /// The events of `hearth log --json ARGS`, newest first.
    func log(_ notebook: TemporaryNotebook, _ arguments: String..., in directory: URL? = nil) throws -> [[String: Any]] {
        let result = try notebook.hearth(["log", "--json"] + arguments, in: directory)
        try result.requireSuccess()
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
    }

    func words(_ event: [String: Any]) -> [String] {
        (event["changes"] as? [[String: Any]] ?? []).compactMap { $0["words"] as? String }
    }

    @Test func logSaysWhatEachChangeDidInWords() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        try notebook.hearth("set", "today", "energy=2", "tags=[deadline]").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try notebook.hearth("set", "today", "tags=[travel]", "sleep_h=7").requireSuccess()
        try notebook.hearth("jot", "train to Lyon").requireSuccess()
        try notebook.hearth("sync").requireSuccess()

        let events = try log(notebook)
        let newest = try #require(events.first)
        #expect(newest["device"] as? String == "laptop")
        let change = try #require(words(newest).first)
        #expect(change.hasPrefix("edit \(Self.path): "), "\(change)")
        #expect(change.contains("tags +travel -deadline"), "\(change)")
        #expect(change.contains("sleep_h = 7"), "\(change)")
        #expect(change.contains("body +"), "\(change)")
        #expect(!change.contains("energy"), "energy did not change in this commit: \(change)")
        #expect(words(events[1]).first?.contains("energy 3 -> 2") == true, "\(events[1])")
        // The oldest commit is hearth init's; every commit of the history is told.
        let commits = try notebook.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(events.count == Int(commits))
        // Nothing was recorded after today (read after the commits, so midnight cannot split them);
        // windows over dated commits are in HistoryTimelineTests.
        #expect(try log(notebook, "--since", Self.realDay(1)).isEmpty)

        let text = try notebook.hearth("log")
        try text.requireSuccess()
        let lines = text.stdoutLines
        #expect(lines.first?.contains("  laptop") == true, "\(text)")
        #expect(lines.first?.hasPrefix(String((newest["commit"] as? String ?? "").prefix(7))) == true, "\(text)")
        #expect(lines.contains { $0.hasPrefix("    edit \(Self.path): ") && $0.contains("tags +travel -deadline") }, "\(text)")
        #expect(!text.stdout.contains("+ - "), "body lines only with -p: \(text)")
    }

    @Test func patchPrintsTheBodyLinesAddedAndRemoved() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("jot", "first thought").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let before = try notebook.text(Self.path)
        try notebook.write(Self.path, before.replacingOccurrences(of: "first thought", with: "second thought"))
        try notebook.hearth("sync").requireSuccess()

        let result = try notebook.hearth("log", "-p", "-n", "1")
        try result.requireSuccess()
        let lines = result.stdoutLines
        let removed = try #require(lines.firstIndex { $0.hasPrefix("      - ") && $0.hasSuffix("first thought") }, "\(result)")
        let added = try #require(lines.firstIndex { $0.hasPrefix("      + ") && $0.hasSuffix("second thought") }, "\(result)")
        #expect(removed < added)
        #expect(lines.contains("    edit \(Self.path): body +1 -1"), "\(result)")
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == 1, "-n 1 shows one change: \(result)")

        let json = try log(notebook, "-p", "-n", "1")
        let change = try #require((json.first?["changes"] as? [[String: Any]])?.first)
        let bodyLines = try #require(change["lines"] as? [[String: Any]])
        #expect(bodyLines.map { $0["added"] as? Bool } == [false, true])
        #expect((bodyLines.last?["text"] as? String)?.hasSuffix("second thought") == true)
    }

    @Test func aMergeNamesTheDevicesThatMetAndWhatConflicted() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        try devices.desk("set", "today", "energy=4", "tags=[travel]").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try notebook.hearth("set", "today", "energy=2", "sleep_h=6").requireSuccess()
        try notebook.hearth("sync").requireSuccess()

        let merge = try #require(try log(notebook).first)
        let details = try #require(merge["merge"] as? [String: Any], "\(merge)")
        #expect(details["devices"] as? [String] == ["laptop", "desk"])
        let conflicts = try #require(merge["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["field"] as? String == "energy")
        #expect(conflicts.first?["path"] as? String == Self.path)
        // What the merge produced itself, against laptop's side: desk's tag joined laptop's
        // sleep, a version neither had (energy depends on which side the conflict kept).
        let merged = try #require(words(merge).first, "\(merge)")
        #expect(merged.hasPrefix("merge \(Self.path): ") && merged.contains("tags +travel") && !merged.contains("sleep_h"), "\(merge)")

        let text = try notebook.hearth("log", "-n", "1")
        #expect(text.stdoutLines.first?.hasSuffix("laptop  merge: laptop met desk, 1 conflict") == true, "\(text)")
        #expect(text.stdoutLines.contains { $0.hasPrefix("    conflict \(Self.path) energy: ") && $0.contains("desk 4") && $0.contains("laptop 2") }, "\(text)")
        // Settling the conflict is part of the entry's story, though only the record changed
        // when the kept side stays.
        let conflictID = try #require(try JSONSerialization.jsonObject(with: notebook.hearth("conflicts", "--json").stdoutData) as? [[String: Any]])
            .first?["id"] as? String
        let kept = try #require(conflicts.first?["kept"] as? String)
        try notebook.hearth("resolve", try #require(conflictID), "--keep", kept).requireSuccess()
        let settled = try #require(try log(notebook, "today").first)
        #expect((settled["summary"] as? String)?.contains("resolve \(Self.path) (energy) kept \(kept)") == true, "\(settled)")
        #expect(words(settled).isEmpty, "\(settled)")
        // The desk's own commit is in the history too, with its device.
        #expect(try log(notebook).contains { $0["device"] as? String == "desk" && words($0).first?.contains("energy 3 -> 4") == true })
    }

    @Test func anEntrysLogFollowsItThroughARenameAndLeavesOthersOut() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/idea.md", "---\ntitle: Idea\nstatus: draft\n---\nline one\nline two\nline three\nline four\n")
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try FileManager.default.moveItem(at: notebook.url("notes/idea.md"), to: notebook.url("notes/better-idea.md"))
        try notebook.write("notes/better-idea.md", "---\ntitle: Idea\nstatus: ready\n---\nline one\nline two\nline three\nline four\n")
        try notebook.hearth("set", "today", "energy=1").requireSuccess()
        try notebook.hearth("sync").requireSuccess()

        let events = try log(notebook, "better-idea")
        #expect(events.count == 2, "\(events)")
        #expect(words(events[0]) == ["rename notes/idea.md -> notes/better-idea.md: status draft -> ready"])
        #expect(words(events[1]).first?.hasPrefix("add notes/idea.md") == true, "\(events)")
        #expect(!events.flatMap(words).contains { $0.contains("days/") }, "another entry's changes are left out")
    }

    @Test func showAtPrintsTheEntryExactlyAsItWas() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("set", "today", "energy=2").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let old = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let oldBytes = try notebook.bytes(Self.path)
        try notebook.hearth("set", "today", "energy=5").requireSuccess()
        try notebook.hearth("sync").requireSuccess()

        let shown = try notebook.hearth("show", "today", "--at", String(old.prefix(8)))
        try shown.requireSuccess()
        #expect([UInt8](shown.stdoutData) == oldBytes)
        let json = try notebook.hearth("show", "today", "--at", old, "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any], "\(json)")
        #expect((object["front_matter"] as? [String: Any])?["energy"] as? Int == 2)
        #expect(object["commit"] as? String == old)
        // The end of today is after both commits: the newest version.
        let latest = try notebook.hearth("show", "today", "--at", Self.realDay())
        #expect([UInt8](latest.stdoutData) == (try notebook.bytes(Self.path)), "\(latest)")

        let before = try notebook.hearth("show", "today", "--at", Self.realDay(-400))
        #expect(before.status == 1)
        #expect(before.stderr.contains("history starts at"), "\(before)")
        let nonsense = try notebook.hearth("show", "today", "--at", "no-such-commit")
        #expect(nonsense.status == 1)
        #expect(nonsense.stderr.contains("--at no-such-commit: no such commit or date"), "\(nonsense)")
    }

    @Test func restoreBringsAnOldVersionBackAsANewCommitAndKeepsUnsyncedEdits() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("set", "today", "energy=2", "tags=[deadline]").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let old = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let oldBytes = try notebook.bytes(Self.path)
        try notebook.hearth("set", "today", "energy=5", "tags=[travel]").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let beforeRestore = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // An edit not yet synced: restore must not lose it.
        try notebook.hearth("set", "today", "mood=1").requireSuccess()
        let unsynced = try notebook.bytes(Self.path)

        let result = try notebook.hearth("restore", "today", "--at", String(old.prefix(7)))
        try result.requireSuccess()
        #expect(result.stdout.contains("Restored \(Self.path) as of \(old.prefix(7))"), "\(result)")
        #expect(result.stdout.contains("energy 5 -> 2") && result.stdout.contains("tags +deadline -travel"), "\(result)")
        #expect(result.stderr.contains("Recorded your unsynced edits first"), "\(result)")
        #expect(try notebook.bytes(Self.path) == oldBytes)

        let subjects = try notebook.git("log", "--format=%s", "-3").stdoutLines
        #expect(subjects.first?.hasPrefix("laptop: restore \(Self.path) as of \(old.prefix(7))") == true, "\(subjects)")
        #expect(subjects.dropFirst().first == "laptop: edit \(Self.path) (mood)", "\(subjects)")
        // History is added to, never rewritten: the commits before are ancestors of the restore.
        try notebook.git("merge-base", "--is-ancestor", beforeRestore, "HEAD").requireSuccess()
        let saved = try notebook.git("show", "HEAD~1:\(Self.path)")
        #expect([UInt8](saved.stdoutData) == unsynced)
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(try log(notebook, "today").first.map(words) == ["restore \(Self.path): energy 5 -> 2, mood removed (was 1), tags +deadline -travel"])

        // A sync holding the notebook: restore waits, then says so and changes nothing.
        let lock = open(notebook.url(".git/hearth-sync.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(flock(lock, LOCK_EX) == 0)
        let before = try notebook.bytes(Self.path)
        let locked = try notebook.hearth("restore", "today", "--at", beforeRestore, "--wait", "0.2")
        #expect(locked.status == 1 && locked.stderr.contains("another sync is running") && locked.stderr.contains("run your command again"), "\(locked)")
        #expect(try notebook.bytes(Self.path) == before)
        close(lock)

        let again = try notebook.hearth("restore", "today", "--at", old)
        try again.requireSuccess()
        #expect(again.stdout.contains("already reads as it did"), "\(again)")
        #expect(try notebook.git("log", "--format=%s", "-1").stdout.hasPrefix("laptop: restore"), "no second commit")
    }

    /// Restore saves the entry's own unsaved edit first and touches nothing else: an edit of
    /// another entry and a new file stay in the work tree, out of both of its commits, and the
    /// next sync records them.
    @Test func restoreLeavesOtherUnsyncedEditsForTheNextSync() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let other = "notes/other.md"
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("set", "today", "energy=2").requireSuccess()
        try notebook.write(other, "---\ntitle: Other\n---\nfirst\n")
        try notebook.hearth("sync").requireSuccess()
        let old = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try notebook.hearth("set", "today", "energy=5").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try notebook.hearth("set", "today", "mood=1").requireSuccess()
        let unsynced = try notebook.bytes(Self.path)
        try notebook.write(other, "---\ntitle: Other\n---\nfirst\nsecond, not synced\n")
        try notebook.write("notes/new.md", "---\ntitle: New\n---\nnot synced either\n")

        let result = try notebook.hearth("restore", "today", "--at", String(old.prefix(7)))
        try result.requireSuccess()
        #expect(result.stderr.contains("Recorded your unsynced edits first: laptop: edit \(Self.path) (mood)"), "\(result)")
        #expect([UInt8](try notebook.git("show", "HEAD~1:\(Self.path)").stdoutData) == unsynced)
        for commit in ["HEAD", "HEAD~1"] {
            #expect(try notebook.git("show", "--format=", "--name-only", commit).stdoutLines == [Self.path], "\(commit)")
        }
        #expect(try notebook.text(other) == "---\ntitle: Other\n---\nfirst\nsecond, not synced\n")
        #expect(try notebook.git("status", "--porcelain").stdoutLines.sorted() == [" M \(other)", "?? notes/new.md"])

        try notebook.hearth("sync").requireSuccess()
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(try notebook.git("show", "HEAD:\(other)").stdout == "---\ntitle: Other\n---\nfirst\nsecond, not synced\n")
        #expect(try notebook.git("show", "HEAD:notes/new.md").stdout == "---\ntitle: New\n---\nnot synced either\n")
    }

    @Test func aDeletedEntryCanBeShownAndRestoredAndTheRestoreSyncs() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        let last = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let lastBytes = try notebook.bytes(Self.path)
        try FileManager.default.removeItem(at: notebook.url(Self.path))
        try notebook.hearth("sync").requireSuccess()

        let shown = try notebook.hearth("show", "2026-11-22")
        #expect(shown.status == 1)
        #expect(shown.stderr.contains("\(Self.path) was deleted; its last version is in commit \(last.prefix(7))"), "\(shown)")
        #expect(shown.stderr.contains("hearth restore 2026-11-22 --at \(last.prefix(7))"), "\(shown)")
        #expect(try log(notebook, Self.path).first.map(words)?.first?.hasPrefix("delete \(Self.path)") == true)

        try notebook.hearth("restore", Self.path, "--at", String(last.prefix(7))).requireSuccess()
        #expect(try notebook.bytes(Self.path) == lastBytes)
        try notebook.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        #expect(try devices.deskText(Self.path) == String(decoding: lastBytes, as: UTF8.self))
        let deskLog = try log(notebook, "today", in: devices.desk)
        #expect(deskLog.first.map(words)?.first?.hasPrefix("restore \(Self.path)") == true, "\(deskLog)")
        #expect(deskLog.dropFirst().first.map(words)?.first?.hasPrefix("delete \(Self.path)") == true, "\(deskLog)")
    }

    @Test func aDeletedEntryIsNamedAsAnyEntryIsEvenWithoutItsDate() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let created = try notebook.hearth("new", "experiment", "--title", "Warmup ablation", "--no-edit")
        try created.requireSuccess()
        let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try notebook.hearth("sync").requireSuccess()
        try FileManager.default.removeItem(at: notebook.url(path))
        try notebook.hearth("sync").requireSuccess()
        // `warmup` names `2026-11-22-warmup-ablation.md` for show and edit; the same for the past.
        let newest = try #require(try log(notebook, "warmup").first)
        #expect(words(newest).first?.hasPrefix("delete \(path)") == true, "\(newest)")
    }

    @Test func diffSaysWhatChangedSinceTheLastSyncAndSinceADay() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("set", "today", "energy=3").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let quiet = try notebook.hearth("diff")
        try quiet.requireSuccess()
        #expect(quiet.stdout.isEmpty && quiet.stderr == "No changes since the last sync.\n", "\(quiet)")

        try notebook.hearth("set", "today", "energy=1", "tags=[sick]").requireSuccess()
        try notebook.write("notes/new.md", "---\ntitle: New\n---\nhello\n")
        let pending = try notebook.hearth("diff")
        try pending.requireSuccess()
        #expect(pending.stdoutLines == ["edit \(Self.path): energy 3 -> 1, tags +sick", "add notes/new.md: title = New, 1 line"], "\(pending)")
        let one = try notebook.hearth("diff", "today", "--json")
        let changes = try #require(try JSONSerialization.jsonObject(with: one.stdoutData) as? [[String: Any]], "\(one)")
        #expect(changes.count == 1)
        let energy = try #require((changes.first?["fields"] as? [[String: Any]])?.first)
        #expect(energy["key"] as? String == "energy" && energy["old"] as? String == "3" && energy["new"] as? String == "1")

        // Since a day long before the first commit: the notebook was empty then, so everything is new.
        try notebook.hearth("sync").requireSuccess()
        let since = try notebook.hearth("diff", "--since", Self.realDay(-400))
        try since.requireSuccess()
        #expect(since.stdoutLines.contains { $0.hasPrefix("add \(Self.path): ") && $0.contains("energy = 1") }, "\(since)")
        #expect(try notebook.hearth("diff", "--since", Self.realDay(1)).stderr.hasPrefix("No changes since"))
    }

    @Test func badReferencesAndOptionsSayWhatToDoAndChangeNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let files = try notebook.snapshot()
        let head = try notebook.git("rev-parse", "HEAD").stdout

        let unknown = try notebook.hearth("log", "no-such-entry")
        #expect(unknown.status == 1 && unknown.stderr.contains("no entry named 'no-such-entry' now or in the notebook's history"), "\(unknown)")
        let badDay = try notebook.hearth("log", "--since", "next tuesday")
        #expect(badDay.status == 2 && badDay.stderr.contains("--since next tuesday is not a day hearth reads"), "\(badDay)")
        let backwards = try notebook.hearth("log", "--since", "2026-11-22", "--until", "2026-11-01")
        #expect(backwards.status == 2, "\(backwards)")
        for folder in ["days", "days/2026/"] {
            let result = try notebook.hearth("log", folder)
            #expect(result.status == 2 && result.stderr.contains("\(folder) is a folder; name one entry"), "\(result)")
        }
        let zero = try notebook.hearth("log", "-n", "0")
        #expect(zero.status == 2, "\(zero)")
        let outside = try notebook.hearth("restore", "../elsewhere.md", "--at", Self.realDay())
        #expect(outside.status == 1 && outside.stderr.contains("../elsewhere.md: outside the notebook"), "\(outside)")
        let noAt = try notebook.hearth("restore", "today")
        #expect(noAt.status == 2 && noAt.stderr.contains("--at"), "\(noAt)")
        let absent = try notebook.hearth("restore", "today", "--at", "HEAD~1")
        #expect(absent.status == 1 && absent.stderr.contains("did not exist at HEAD~1"), "\(absent)")

        let plain = try TemporaryNotebook()
        try plain.writeSettings()
        try plain.write("a.md", "---\ntitle: A\n---\n")
        let noHistory = try plain.hearth("log")
        #expect(noHistory.status == 1 && noHistory.stderr.contains("no git repository"), "\(noHistory)")

        #expect(try notebook.snapshot() == files)
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)
    }
}

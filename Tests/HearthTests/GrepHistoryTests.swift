import Foundation
import TestSupport
import Testing

/// `hearth grep --history` on histories made by hearth on two devices syncing through a bare
/// remote: deleted lines and deleted entries are found, with who added and who removed them.
@Suite struct GrepHistoryTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path

    func json(_ result: ProcessResult) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
    }

    /// The commits whose diff changes how often `text` occurs (git log -S), parents first: the
    /// commit id, its author day and its subject.
    func commits(touching text: String, in notebook: TemporaryNotebook, directory: URL? = nil) throws -> [(id: String, day: String, subject: String)] {
        let log = try notebook.git(in: directory ?? notebook.root, "log", "--reverse", "--topo-order", "--format=%H %ad %s", "--date=short", "-S", text)
        try log.requireSuccess()
        return log.stdoutLines.filter { !$0.isEmpty }.map { line in
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            return (parts[0], parts[1], parts[2])
        }
    }

    /// Removes every line containing `needle` from a file on the desk, as an editor would.
    func deleteLines(containing needle: String, from path: String, _ devices: TwoDevices) throws {
        let url = devices.desk.appendingPathComponent(path)
        let text = try devices.deskText(path)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(needle) }
        try Data(kept.joined(separator: "\n").utf8).write(to: url)
    }

    @Test func findsALineDeviceBDeletedNamingAAsItsAuthorAndBAsItsRemover() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("jot", "call the landlord about the heater").requireSuccess()
        try laptop.hearth("jot", "the heater is fixed").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        let lineBefore = try #require(try devices.deskText(Self.path).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("landlord") }) + 1
        try deleteLines(containing: "landlord", from: Self.path, devices)
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(!(try laptop.text(Self.path)).contains("landlord"))

        // Today's files no longer have it: plain grep finds nothing.
        let now = try laptop.hearth("grep", "landlord")
        #expect(now.status == 1 && now.stdout.isEmpty, "\(now)")

        let history = try laptop.hearth("grep", "--history", "--json", "heater")
        #expect(history.status == 0, "\(history)")
        let rows = try json(history)
        #expect(rows.count == 2, "\(history)")
        let changes = try commits(touching: "landlord", in: laptop)
        try #require(changes.count == 2, "\(changes)")
        #expect(changes[0].subject.hasPrefix("laptop: ") && changes[1].subject.hasPrefix("desk: "), "\(changes)")

        let gone = try #require(rows.first { ($0["text"] as? String)?.contains("landlord") == true })
        #expect(gone["path"] as? String == Self.path)
        #expect(gone["line"] as? Int == lineBefore)
        #expect(gone["present"] as? Bool == false)
        #expect(gone["entry_deleted"] as? Bool == false)
        #expect(gone["kind"] as? String == "day")
        let added = try #require(gone["added"] as? [String: Any])
        #expect(added["device"] as? String == "laptop")
        #expect(added["commit"] as? String == changes[0].id)
        #expect(added["date"] as? String == changes[0].day)
        #expect(added["time"] is String)
        let removed = try #require(gone["removed"] as? [String: Any])
        #expect(removed["device"] as? String == "desk")
        #expect(removed["commit"] as? String == changes[1].id)
        #expect(removed["date"] as? String == changes[1].day)

        let kept = try #require(rows.first { ($0["text"] as? String)?.contains("is fixed") == true })
        #expect(kept["present"] as? Bool == true)
        #expect(kept["removed"] is NSNull)
        #expect((kept["added"] as? [String: Any])?["device"] as? String == "laptop")
        #expect(kept["line"] as? Int == (try laptop.text(Self.path)).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("is fixed") }.map { $0 + 1 })

        // The same story for a person, one line per match.
        let text = try laptop.hearth("grep", "--history", "heater")
        #expect(text.status == 0, "\(text)")
        let landlordLine = try #require(text.stdoutLines.first { $0.contains("landlord") }, "\(text)")
        #expect(landlordLine.hasPrefix("\(Self.path):\(lineBefore):"), "\(text)")
        #expect(landlordLine.contains("added \(changes[0].day) on laptop (\(changes[0].id.prefix(7)))"), "\(text)")
        #expect(landlordLine.contains("removed \(changes[1].day) on desk (\(changes[1].id.prefix(7)))"), "\(text)")
        #expect(text.stdoutLines.first { $0.contains("is fixed") }?.contains("still there") == true, "\(text)")
    }

    @Test func findsTheLinesOfAnEntryDeletedOnTheOtherDevice() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        let created = try laptop.hearth("new", "note", "--title", "Landlord letter", "--no-edit")
        try created.requireSuccess()
        let note = try #require(created.stdoutLines.first { $0.hasSuffix(".md") })
        try laptop.write(note, try laptop.text(note) + "Dear landlord, the heater\n")
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try FileManager.default.removeItem(at: devices.desk.appendingPathComponent(note))
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(!laptop.exists(note))

        let rows = try json(try laptop.hearth("grep", "--history", "--json", "Dear landlord"))
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["path"] as? String == note)
        #expect(row["kind"] as? String == "note")
        #expect(row["entry_deleted"] as? Bool == true)
        #expect(row["present"] as? Bool == false)
        #expect((row["added"] as? [String: Any])?["device"] as? String == "laptop")
        #expect((row["removed"] as? [String: Any])?["device"] as? String == "desk")
        let text = try laptop.hearth("grep", "--history", "Dear landlord")
        #expect(text.stdout.contains("on desk") && text.stdout.contains("with the whole entry"), "\(text)")
        // --kind applies to past versions too.
        #expect(try laptop.hearth("grep", "--history", "--kind", "day", "Dear landlord").status == 1)
    }

    @Test func removedWithTheWholeEntryOnlyWhenTheRemovingCommitDeletedIt() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        let created = try laptop.hearth("new", "note", "--title", "Landlord letter", "--no-edit")
        try created.requireSuccess()
        let note = try #require(created.stdoutLines.first { $0.hasSuffix(".md") })
        try laptop.hearth("sync").requireSuccess()
        let bare = try laptop.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try laptop.write(note, try laptop.text(note) + "Dear landlord, the heater\n")
        try laptop.hearth("sync").requireSuccess()
        // The laptop restores the letter as it was without the line; later the desk deletes it.
        try laptop.hearth("restore", note, "--at", bare).requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try FileManager.default.removeItem(at: devices.desk.appendingPathComponent(note))
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        let restore = try #require(try commits(touching: "Dear landlord", in: laptop).last)
        #expect(restore.subject.hasPrefix("laptop: restore "), "\(restore)")

        let rows = try json(try laptop.hearth("grep", "--history", "--json", "Dear landlord"))
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row["present"] as? Bool == false)
        #expect(row["entry_deleted"] as? Bool == false)
        let removed = try #require(row["removed"] as? [String: Any])
        #expect(removed["commit"] as? String == restore.id && removed["device"] as? String == "laptop")
        let text = try laptop.hearth("grep", "--history", "Dear landlord")
        #expect(text.stdout.contains("removed \(restore.day) on laptop (\(restore.id.prefix(7))))"), "\(text)")
        #expect(!text.stdout.contains("whole entry"), "\(text)")

        // An entry deleted here and not yet synced: its lines went with it, not yet committed.
        try laptop.hearth("jot", "the heater again").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try FileManager.default.removeItem(at: laptop.url(Self.path))
        let uncommitted = try laptop.hearth("grep", "--history", "heater again")
        #expect(uncommitted.stdout.contains("removed on laptop, not yet committed, with the whole entry)"), "\(uncommitted)")
        let uncommittedRow = try #require(try json(try laptop.hearth("grep", "--history", "--json", "heater again")).first)
        #expect(uncommittedRow["entry_deleted"] as? Bool == true)
    }

    @Test func followsAnEntryMovedOnTheOtherDeviceAcrossAMerge() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("jot", "plumber: call about the leak").requireSuccess()
        try laptop.hearth("jot", "plumber: the leak is fixed").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        // The desk removes a line, then moves the day to a note; meanwhile the laptop adds a line
        // to the day under its old name, and its sync merges the two.
        try deleteLines(containing: "call about", from: Self.path, devices)
        try devices.desk("sync").requireSuccess()
        let moved = "notes/plumbing.md"
        try FileManager.default.createDirectory(at: devices.desk.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: devices.desk.appendingPathComponent(Self.path), to: devices.desk.appendingPathComponent(moved))
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("jot", "plumber: laptop note").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(!laptop.exists(Self.path) && laptop.exists(moved))
        #expect(!(try laptop.git("log", "--merges", "--format=%H").stdout.isEmpty))

        let result = try laptop.hearth("grep", "--history", "--json", "plumber")
        #expect(result.status == 0, "\(result)")
        let rows = try json(result)
        // Each line once, under the entry's name now.
        #expect(rows.count == 3, "\(result)")
        #expect(rows.allSatisfy { $0["path"] as? String == moved }, "\(result)")
        for (text, device) in [("call about", "laptop"), ("is fixed", "laptop"), ("laptop note", "laptop")] {
            let row = try #require(rows.first { ($0["text"] as? String)?.contains(text) == true }, "\(text)")
            let first = try #require(try commits(touching: text, in: laptop).first, "\(text)")
            let added = try #require(row["added"] as? [String: Any])
            #expect(added["commit"] as? String == first.id && added["device"] as? String == device, "\(text): \(row)")
            #expect(row["entry_deleted"] as? Bool == false, "\(text)")
        }
        let gone = try #require(rows.first { ($0["text"] as? String)?.contains("call about") == true })
        #expect(gone["present"] as? Bool == false)
        #expect((gone["removed"] as? [String: Any])?["device"] as? String == "desk")
        #expect(rows.filter { $0["present"] as? Bool == true }.count == 2)
        let text = try laptop.hearth("grep", "--history", "plumber")
        #expect(text.stdoutLines.filter { !$0.isEmpty }.count == 3, "\(text)")
        #expect(!text.stdout.contains(Self.path) && !text.stdout.contains("whole entry"), "\(text)")
        // Dated by when they were written, not by the move: a day before any commit finds nothing.
        #expect(try laptop.hearth("grep", "--history", "--until", "2000-01-01", "plumber").status == 1)
        let firstDay = try #require(try commits(touching: "is fixed", in: laptop).first?.day)
        #expect(try laptop.hearth("grep", "--history", "--until", firstDay, "is fixed").status == 0)
    }

    @Test func followsAnEntryMovedAndNotYetSynced() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("jot", "plumber: the leak is fixed").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        let moved = "notes/plumbing.md"
        try FileManager.default.createDirectory(at: laptop.url("notes"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: laptop.url(Self.path), to: laptop.url(moved))
        let result = try laptop.hearth("grep", "--history", "--json", "plumber")
        let rows = try json(result)
        #expect(rows.count == 1, "\(result)")
        let row = try #require(rows.first)
        #expect(row["path"] as? String == moved && row["present"] as? Bool == true, "\(row)")
        let first = try #require(try commits(touching: "leak is fixed", in: laptop).first)
        #expect((row["added"] as? [String: Any])?["commit"] as? String == first.id, "\(row)")
    }

    @Test func aFileRenamedIntoAnEntryIsAddedByTheRename() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/plumbing.txt", "plumber: the leak is fixed\n")
        try notebook.hearth("sync").requireSuccess()
        try FileManager.default.moveItem(at: notebook.url("notes/plumbing.txt"), to: notebook.url("notes/plumbing.md"))
        try notebook.hearth("sync").requireSuccess()
        let rename = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let row = try #require(try json(try notebook.hearth("grep", "--history", "--json", "plumber")).first)
        #expect(row["path"] as? String == "notes/plumbing.md")
        #expect((row["added"] as? [String: Any])?["commit"] as? String == rename, "\(row)")
    }

    @Test func aMergeIsNotCreditedWithTheLinesEachSideBroughtOrRemoved() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("jot", "old idea about gardens").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        // Both devices change the entry before seeing the other's change: the desk removes the old
        // idea and adds its own, the laptop adds another; the laptop's sync merges.
        try deleteLines(containing: "old idea", from: Self.path, devices)
        try devices.desk("jot", "desk idea about gardens").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("jot", "laptop idea about gardens").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        let merges = try laptop.git("log", "--merges", "--format=%H")
        #expect(!merges.stdout.isEmpty, "no merge: \(merges)")

        let rows = try json(try laptop.hearth("grep", "--history", "--json", "idea about gardens"))
        #expect(rows.count == 3)
        for (device, text) in [("laptop", "laptop idea"), ("desk", "desk idea"), ("laptop", "old idea")] {
            let row = try #require(rows.first { ($0["text"] as? String)?.contains(text) == true })
            let added = try #require(row["added"] as? [String: Any])
            #expect(added["device"] as? String == device, "\(text)")
            let commit = try #require(added["commit"] as? String)
            #expect(!merges.stdout.contains(commit), "\(text) credited to the merge")
        }
        let old = try #require(rows.first { ($0["text"] as? String)?.contains("old idea") == true })
        let removed = try #require(old["removed"] as? [String: Any])
        #expect(removed["device"] as? String == "desk")
        #expect(!merges.stdout.contains(try #require(removed["commit"] as? String)), "the removal credited to the merge")
        #expect(rows.filter { $0["present"] as? Bool == true }.count == 2)
    }

    @Test func changesNotYetCommittedCountAsTheNewestVersion() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("jot", "pay the rent").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        // Removed here, and another line written, neither synced yet.
        let text = try laptop.text(Self.path)
        try laptop.write(Self.path, text.replacingOccurrences(of: "pay the rent", with: "paid: the rent is done"))
        let rows = try json(try laptop.hearth("grep", "--history", "--json", "rent"))
        #expect(rows.count == 2)
        let old = try #require(rows.first { ($0["text"] as? String)?.contains("pay the rent") == true })
        let removed = try #require(old["removed"] as? [String: Any])
        #expect(removed["commit"] is NSNull && removed["device"] as? String == "laptop")
        let new = try #require(rows.first { ($0["text"] as? String)?.contains("rent is done") == true })
        #expect((new["added"] as? [String: Any])?["commit"] is NSNull)
        #expect(new["present"] as? Bool == true)
        let human = try laptop.hearth("grep", "--history", "rent")
        #expect(human.stdout.contains("not yet committed"), "\(human)")
    }

    @Test func sinceAndUntilSelectByCommitDateAndFieldsHaveHistoryToo() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "tags=[garden, rent]").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try devices.desk("set", "today", "tags=[garden]").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()

        let rows = try json(try laptop.hearth("grep", "--history", "--json", "--field", "tags", "^rent$"))
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row["field"] as? String == "tags" && row["text"] as? String == "rent")
        #expect((row["added"] as? [String: Any])?["device"] as? String == "laptop")
        #expect((row["removed"] as? [String: Any])?["device"] as? String == "desk")

        // Commits are dated by the clock, not HEARTH_TODAY: take the days from git.
        let day = try #require(try commits(touching: "rent", in: laptop).first?.day)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let date = try #require(formatter.date(from: day))
        let before = formatter.string(from: date.addingTimeInterval(-86_400))
        let after = formatter.string(from: date.addingTimeInterval(86_400))
        #expect(try laptop.hearth("grep", "--history", "--field", "tags", "--until", before, "^rent$").status == 1)
        #expect(try laptop.hearth("grep", "--history", "--field", "tags", "--since", after, "^rent$").status == 1)
        #expect(try laptop.hearth("grep", "--history", "--field", "tags", "--since", day, "--until", day, "^rent$").status == 0)
        // A line still present was in the notebook after any --since.
        #expect(try laptop.hearth("grep", "--history", "--field", "tags", "--since", after, "^garden$").status == 0)
    }

    @Test func binaryVersionsInHistoryAreSkippedAndSaidSo() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        let binary: [UInt8] = Array("---\nkind: note\n---\nreceipt\n".utf8) + [0, 0xFF, 0xFE]
        try laptop.write("notes/receipt.md", bytes: binary)
        try laptop.write("notes/latin1.md", bytes: Array("receipt caf".utf8) + [0xE9, 0x0A])
        try laptop.hearth("sync").requireSuccess()
        try FileManager.default.removeItem(at: laptop.url("notes/receipt.md"))
        try laptop.hearth("sync").requireSuccess()
        let result = try laptop.hearth("grep", "--history", "receipt")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("notes/latin1.md:1:receipt caf\u{FFFD}"), "\(result)")
        #expect(!result.stdout.contains("notes/receipt.md"), "\(result)")
        #expect(result.stderr.contains("1 past version was binary or unparseable and not searched"), "\(result)")
    }

    @Test func aFolderWithoutGitHasNoHistoryToSearch() throws {
        let notebook = try TemporaryNotebook()
        try notebook.writeSettings()
        try notebook.write("notes/a.md", "hello\n")
        let result = try notebook.hearth("grep", "--history", "hello")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("has no git repository of its own, so no history to search"), "\(result)")
        #expect(try notebook.hearth("grep", "hello").stdout == "notes/a.md:1:hello\n")
    }

    /// A line is dated as `hearth log` dates its commit: by the committer, not by an author date
    /// another tool set (`git commit --date`).
    @Test func linesAreDatedByTheCommitterAsTheLogDatesThem() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/a.md", "---\ntitle: A\n---\nlighthouse keeper\n")
        try notebook.git("add", "notes/a.md").requireSuccess()
        try notebook.git("commit", "-q", "-m", "by hand", "--date=2030-01-01T09:00:00Z").requireSuccess()
        let committed = try notebook.git("log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try notebook.hearth("grep", "--history", "--json", "lighthouse")
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "\(result)")
        let added = try #require(rows.first?["added"] as? [String: Any])
        #expect(added["date"] as? String == committed && committed != "2030-01-01", "\(rows)")
    }
}

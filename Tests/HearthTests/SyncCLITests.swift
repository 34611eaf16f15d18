import Foundation
import TestSupport
import Testing

/// `hearth clone`, `sync`, `conflicts`, `resolve` and `status` end to end, for what
/// SyncCommandTests does not cover: the built binary, real git repositories, local bare remotes.
@Suite struct SyncCLITests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path

    // MARK: - Helpers

    /// The commit HEAD names in the repository at `directory`.
    func head(_ notebook: TemporaryNotebook, _ directory: URL) throws -> String {
        try notebook.git(in: directory, "rev-parse", "HEAD").requireSuccess().stdout
    }

    /// Decodes a JSON document from a command's stdout.
    func json(_ result: ProcessResult) throws -> Any {
        try JSONSerialization.jsonObject(with: result.stdoutData)
    }

    /// The open conflicts a notebook lists with `hearth conflicts --json`.
    func conflicts(_ notebook: TemporaryNotebook, in directory: URL) throws -> [[String: Any]] {
        let result = try notebook.hearth(["conflicts", "--json"], in: directory).requireSuccess()
        return try #require(try json(result) as? [[String: Any]], "\(result)")
    }

    /// Every regular file under `root` outside `.git`, relative, with its bytes.
    func files(_ root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let next = enumerator?.nextObject() as? URL {
            let relative = String(next.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
            if relative == ".git" { enumerator?.skipDescendants(); continue }
            if (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files[relative] = [UInt8](try Data(contentsOf: next))
            }
        }
        return files
    }

    /// The sorted lines of a command's output (file names from `git show --name-only`).
    func names(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).sorted()
    }

    func write(_ url: URL, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    /// Replaces the single line containing `old` in the file at `url` with `new`.
    func rewriteLine(_ url: URL, containing old: String, with new: String) throws {
        let lines = try text(url).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.filter { $0.contains(old) }.count == 1, "expected one line with \(old)")
        try Data(lines.map { $0.contains(old) ? new : $0 }.joined(separator: "\n").utf8).write(to: url)
    }

    /// Both devices synced on a body line, then each rewrote it differently; the laptop synced
    /// first, the desk merged. Returns the devices and the laptop's version of the entry.
    func textConflict() throws -> (devices: TwoDevices, laptopText: String) {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("jot", "Walked to the river.").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try rewriteLine(laptop.url(Self.path), containing: "Walked to the river.", with: "- 09:00 Walked to the river with Sam.")
        try rewriteLine(devices.desk.appendingPathComponent(Self.path), containing: "Walked to the river.", with: "- 09:00 Walked to the lake.")
        let laptopText = try laptop.text(Self.path)
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        return (devices, laptopText)
    }

    // MARK: - 1. clone

    @Test func cloneOfAPopulatedRemoteRecordsTheDeviceAndIsUpToDate() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let target = notebook.base.appendingPathComponent("copy")
        let result = try notebook.hearth(["clone", devices.remote.path, target.path, "--device", "desk"], in: notebook.base)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("device desk, 1 entry"), "\(result)")
        #expect(try files(target) == (try notebook.snapshot()))
        #expect(try notebook.git(in: target, "config", "hearth.device").stdout == "desk\n")
        let sync = try notebook.hearth(["sync"], in: target)
        #expect(sync.status == 0 && sync.stdout.contains("Up to date"), "\(sync)")
        #expect(try head(notebook, target) == (try head(notebook, notebook.root)))
    }

    @Test func cloneIntoANonEmptyFolderFailsAndTouchesNothing() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let target = notebook.base.appendingPathComponent("full")
        try write(target.appendingPathComponent("keep.txt"), Array("mine\n".utf8))
        let result = try notebook.hearth(["clone", devices.remote.path, target.path, "--device", "desk"], in: notebook.base)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("not empty"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["keep.txt"])
        #expect(try text(target.appendingPathComponent("keep.txt")) == "mine\n")
    }

    @Test func cloneOfAnEmptyRemoteThenTheFirstSyncPushesToMain() throws {
        let notebook = try TemporaryNotebook()
        let remote = notebook.base.appendingPathComponent("empty.git")
        try notebook.git(in: notebook.base, "init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        let target = notebook.base.appendingPathComponent("fresh")
        let result = try notebook.hearth(["clone", remote.path, target.path, "--device", "desk"], in: notebook.base)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("empty remote"), "\(result)")
        #expect(try notebook.git(in: target, "config", "hearth.device").stdout == "desk\n")
        try notebook.hearth(["today", "--no-edit"], in: target).requireSuccess()
        let sync = try notebook.hearth(["sync"], in: target)
        // One commit: the clone's settings files (uncommitted until now) and the day.
        #expect(sync.status == 0 && sync.stdout.contains("Sent 1 commit to origin/main."), "\(sync)")
        let branches = try notebook.git(in: remote, "branch", "--format=%(refname:short)")
        #expect(branches.stdout == "main\n", "\(branches)")
        #expect(try notebook.git(in: remote, "rev-parse", "main").stdout == (try head(notebook, target)))
        let files = try notebook.git(in: remote, "ls-tree", "-r", "--name-only", "main").stdout
        #expect(files.contains(Self.path + "\n") && files.contains("hearth.yaml\n"), "\(files)")
        let subject = try notebook.git(in: remote, "log", "-1", "--format=%s", "main").stdout
        #expect(subject == "desk: 3 files (add 3)\n", "\(subject)")
    }

    @Test func cloneTakesARelativeLocalPathRelativeToDashC() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        // Run from HOME, so only -C makes "remote.git" and "copy" mean the test's base folder.
        let result = try notebook.hearth(["clone", "-C", notebook.base.path, "remote.git", "copy", "--device", "desk"], in: notebook.home)
        #expect(result.status == 0, "\(result)")
        let target = notebook.base.appendingPathComponent("copy")
        #expect(exists(target.appendingPathComponent(Self.path)))
        #expect(!exists(notebook.home.appendingPathComponent("copy")))
        let url = try notebook.git(in: target, "config", "remote.origin.url").stdout
        #expect(url == devices.remote.path + "\n", "\(url)")
        let sync = try notebook.hearth(["sync"], in: target)
        #expect(sync.status == 0 && sync.stdout.contains("Up to date"), "\(sync)")
    }

    // MARK: - 2. text conflicts

    @Test func aTextConflictGetsHearthMarkersAndResolvingByEntryKeepsOneSide() throws {
        let (devices, laptopText) = try textConflict()
        let laptop = devices.notebook
        let merged = try devices.deskText(Self.path)
        #expect(merged.contains("<!-- hearth:conflict laptop "), "\(merged)")
        #expect(merged.contains("<!-- hearth:conflict desk "), "\(merged)")
        #expect(merged.contains("<!-- hearth:conflict end -->\n"), "\(merged)")
        #expect(!merged.contains("<<<<<<<") && !merged.contains(">>>>>>>") && !merged.contains("======="), "\(merged)")
        #expect(merged.contains("Walked to the river with Sam.") && merged.contains("Walked to the lake."))

        let listed = try conflicts(laptop, in: devices.desk)
        #expect(listed.count == 1)
        #expect(listed.first?["kind"] as? String == "text")
        #expect(listed.first?["path"] as? String == Self.path)
        let record = try #require(listed.first?["record_path"] as? String)
        #expect(exists(devices.desk.appendingPathComponent(record)))

        let before = try head(laptop, devices.desk)
        let resolved = try devices.desk("resolve", Self.path, "--keep", "laptop")
        #expect(resolved.status == 0, "\(resolved)")
        let text = try devices.deskText(Self.path)
        #expect(text == laptopText, "\(text)")
        #expect(text.components(separatedBy: "Walked to the river with Sam.").count == 2)
        #expect(!text.contains("Walked to the lake") && !text.contains("hearth:conflict"), "\(text)")
        #expect(!exists(devices.desk.appendingPathComponent(record)))
        let shown = try laptop.git(in: devices.desk, "show", "--name-only", "--format=", "HEAD").stdout
        #expect(names(shown) == [record, Self.path].sorted(), "\(shown)")
        #expect(try laptop.git(in: devices.desk, "rev-parse", "HEAD~1").stdout == before)
        #expect(try laptop.git(in: devices.desk, "status", "--porcelain").stdout.isEmpty)

        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(try laptop.text(Self.path) == laptopText)
        #expect(try files(devices.desk) == (try laptop.snapshot()))
        #expect(try head(laptop, devices.desk) == (try head(laptop, laptop.root)))
        #expect(try conflicts(laptop, in: laptop.root).isEmpty)
    }

    // MARK: - 3. resolve --edit off a terminal

    @Test func resolveEditOffATerminalRefusesWhileMarkersRemainThenAcceptsTheEntry() throws {
        let (devices, _) = try textConflict()
        let laptop = devices.notebook
        let entry = devices.desk.appendingPathComponent(Self.path)
        let id = try #require(try conflicts(laptop, in: devices.desk).first?["id"] as? String)
        let record = devices.desk.appendingPathComponent(".hearth/conflicts/\(id).yaml")
        let merged = try text(entry)
        let lines = merged.split(separator: "\n", omittingEmptySubsequences: false)
        let markerLine = try #require(lines.firstIndex { $0.contains("<!-- hearth:conflict") }) + 1
        let before = try head(laptop, devices.desk)

        let refused = try devices.desk("resolve", id, "--edit")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("\(Self.path):\(markerLine)"), "\(refused)")
        #expect(try head(laptop, devices.desk) == before)
        #expect(try text(entry) == merged)
        #expect(exists(record))

        // The person settles it by hand: the whole region becomes one line of their own.
        var kept: [Substring] = []
        var inRegion = false
        for line in lines {
            if line.hasPrefix("<!-- hearth:conflict end") { inRegion = false; kept.append("- 09:00 Walked to the lake with Sam."); continue }
            if line.hasPrefix("<!-- hearth:conflict ") { inRegion = true; continue }
            if !inRegion { kept.append(line) }
        }
        let edited = kept.joined(separator: "\n")
        try Data(edited.utf8).write(to: entry)

        let accepted = try devices.desk("resolve", id, "--edit")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try text(entry) == edited)
        #expect(!exists(record))
        #expect(try laptop.git(in: devices.desk, "rev-parse", "HEAD~1").stdout == before)
        #expect(try conflicts(laptop, in: devices.desk).isEmpty)
        let shown = try laptop.git(in: devices.desk, "show", "--name-only", "--format=", "HEAD").stdout
        #expect(names(shown) == [".hearth/conflicts/\(id).yaml", Self.path].sorted(), "\(shown)")
        #expect(try laptop.git(in: devices.desk, "status", "--porcelain").stdout.isEmpty)
        let committed = try laptop.git(in: devices.desk, "show", "HEAD:\(Self.path)").stdout
        #expect(committed == edited && !committed.contains("hearth:conflict"), "\(committed)")
    }

    // MARK: - 4. binary files

    @Test func aBinaryFileConflictKeepsBothCopiesAndResolveMovesTheOtherIntoPlace() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        let pic = "notes/pic.md"
        try laptop.write(pic, bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        let laptopBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A, 0x4C]
        let deskBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A, 0x44, 0x00]
        try laptop.write(pic, bytes: laptopBytes)
        try write(devices.desk.appendingPathComponent(pic), deskBytes)
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()

        let listed = try conflicts(laptop, in: devices.desk)
        #expect(listed.count == 1)
        let conflict = try #require(listed.first)
        #expect(conflict["kind"] as? String == "file")
        #expect(conflict["path"] as? String == pic)
        let kept = try #require(conflict["kept"] as? String)
        #expect(["laptop", "desk"].contains(kept))
        let other = kept == "laptop" ? "desk" : "laptop"
        let beside = "notes/pic.conflict-\(other).md"
        let bytesOf = ["laptop": laptopBytes, "desk": deskBytes]
        for root in [laptop.root, devices.desk] {
            #expect(try [UInt8](Data(contentsOf: root.appendingPathComponent(pic))) == bytesOf[kept])
            #expect(try [UInt8](Data(contentsOf: root.appendingPathComponent(beside))) == bytesOf[other])
            let tracked = try laptop.git(in: root, "ls-files", "notes").stdout
            #expect(names(tracked) == [beside, pic].sorted(), "\(tracked)")
            #expect(try laptop.git(in: root, "status", "--porcelain").stdout.isEmpty)
        }

        let id = try #require(conflict["id"] as? String)
        let resolved = try devices.desk("resolve", id, "--keep", other)
        #expect(resolved.status == 0, "\(resolved)")
        #expect(try [UInt8](Data(contentsOf: devices.desk.appendingPathComponent(pic))) == bytesOf[other])
        #expect(!exists(devices.desk.appendingPathComponent(beside)))
        #expect(try conflicts(laptop, in: devices.desk).isEmpty)
        let shown = try laptop.git(in: devices.desk, "show", "--name-only", "--format=", "HEAD").stdout
        #expect(names(shown) == [".hearth/conflicts/\(id).yaml", beside, pic].sorted(), "\(shown)")
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(try laptop.bytes(pic) == bytesOf[other])
        #expect(!laptop.exists(beside))
    }

    // MARK: - 5. modify/delete

    @Test func anEditBeatsADeletionUntilResolveKeepsTheDeletion() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try FileManager.default.removeItem(at: laptop.url(Self.path))
        try devices.desk("set", "today", "energy=5").requireSuccess()
        let edited = try devices.deskText(Self.path)
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        #expect(try devices.deskText(Self.path) == edited)
        #expect(try laptop.text(Self.path) == edited)

        let listed = try conflicts(laptop, in: laptop.root)
        #expect(listed.count == 1)
        #expect(listed.first?["kind"] as? String == "deleted")
        #expect(listed.first?["path"] as? String == Self.path)
        let id = try #require(listed.first?["id"] as? String)
        let resolved = try laptop.hearth("resolve", id, "--keep", "laptop")
        #expect(resolved.status == 0, "\(resolved)")
        #expect(!laptop.exists(".hearth/conflicts/\(id).yaml"))
        #expect(try laptop.git("status", "--porcelain").stdout.isEmpty)
        #expect(!laptop.exists(Self.path))
        let shown = try laptop.git("show", "--name-only", "--format=", "HEAD").stdout
        #expect(names(shown) == [".hearth/conflicts/\(id).yaml", Self.path].sorted(), "\(shown)")
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        #expect(!exists(devices.desk.appendingPathComponent(Self.path)))
        #expect(try conflicts(laptop, in: devices.desk).isEmpty)
        #expect(try conflicts(laptop, in: laptop.root).isEmpty)
        #expect(try files(devices.desk) == (try laptop.snapshot()))
    }

    // MARK: - 6. output modes

    @Test func quietPrintsNothingJSONHasEveryKeyAndNoProgressOffATerminal() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        for index in 1...300 {
            try laptop.write(String(format: "notes/note-%03d.md", index), "---\ntitle: Note \(index)\n---\n\nLine \(index).\n")
        }
        let quiet = try laptop.hearth("sync", "--quiet")
        #expect(quiet.status == 0, "\(quiet)")
        #expect(quiet.stdoutData.isEmpty && quiet.stderrData.isEmpty, "\(quiet)")
        #expect(try laptop.git("status", "--porcelain").stdout.isEmpty)

        let result = try devices.desk("sync", "--json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrData.isEmpty, "\(result)")
        let report = try #require(try json(result) as? [String: Any], "\(result)")
        for key in ["outcome", "sent", "received", "merged_paths", "new_conflicts", "open_conflicts", "kept_local", "remote", "branch"] {
            #expect(report[key] != nil, "missing \(key) in \(result.stdout)")
        }
        #expect(report["outcome"] as? String == "fast-forwarded")
        #expect(report["received"] as? Int == 1)
        #expect(report["sent"] as? Int == 0)
        #expect(report["remote"] as? String == "origin" && report["branch"] as? String == "main")
        #expect((report["merged_paths"] as? [Any])?.isEmpty == true)
        #expect((report["new_conflicts"] as? [Any])?.isEmpty == true)
        #expect(report["open_conflicts"] as? Int == 0)
        #expect(exists(devices.desk.appendingPathComponent("notes/note-300.md")))

        // A plain sync off a terminal: a summary on stdout, nothing on stderr.
        try laptop.hearth("jot", "one more").requireSuccess()
        try laptop.hearth("sync", "-q").requireSuccess()
        let plain = try devices.desk("sync")
        #expect(plain.status == 0 && !plain.stdout.isEmpty && plain.stderrData.isEmpty, "\(plain)")
    }

    // MARK: - 7. commit messages

    @Test func commitMessagesNameFieldsAndMergesKeepBothParents() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "energy=2", "mood=4").requireSuccess()
        try devices.desk("jot", "from the desk").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        let subjects = try laptop.git("log", "--grep", "energy", "--format=%s").stdout
        #expect(subjects.split(separator: "\n").contains("laptop: edit \(Self.path) (energy, mood)"), "\(subjects)")
        let laptopHead = try head(laptop, laptop.root)

        try devices.desk("sync").requireSuccess()
        let deskSnapshot = try laptop.git(in: devices.desk, "rev-parse", "HEAD^1").stdout
        let subject = try laptop.git(in: devices.desk, "log", "-1", "--format=%s").stdout
        #expect(subject.range(of: #"^desk: merge laptop \([0-9]+ entr(y|ies) merged, [0-9]+ conflicts?\)\n$"#, options: .regularExpression) != nil, "\(subject)")
        #expect(subject == "desk: merge laptop (1 entry merged, 0 conflicts)\n", "\(subject)")
        let parents = try laptop.git(in: devices.desk, "log", "--merges", "--format=%P").stdout
        let lines = parents.split(separator: "\n")
        #expect(lines.count == 1, "\(parents)")
        let ids = lines.first?.split(separator: " ").map { String($0) + "\n" } ?? []
        #expect(ids == [deskSnapshot, laptopHead], "\(parents)")
        let deskSubject = try laptop.git(in: devices.desk, "log", "-1", "--format=%s", "HEAD^1").stdout
        #expect(deskSubject == "desk: edit \(Self.path) (body)\n", "\(deskSubject)")
    }

    // MARK: - 8. idempotence

    @Test func syncingAgainAfterConvergingChangesNothing() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "energy=2").requireSuccess()
        try devices.desk("set", "today", "mood=5").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        let converged = try head(laptop, laptop.root)
        #expect(try head(laptop, devices.desk) == converged)
        for round in 1...2 {
            for directory in [laptop.root, devices.desk] {
                let result = try laptop.hearth(["sync"], in: directory)
                #expect(result.status == 0 && result.stdout == "Up to date with origin/main.\n", "round \(round): \(result)")
                #expect(try head(laptop, directory) == converged, "round \(round) in \(directory.lastPathComponent)")
                #expect(try laptop.git(in: directory, "status", "--porcelain").stdout.isEmpty)
            }
        }
        #expect(try laptop.git(in: devices.remote, "rev-parse", "main").stdout == converged)
    }

    // MARK: - 9. status with unpushed commits

    @Test func aFailedFetchKeepsTheCommitAndStatusShowsItAhead() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "energy=1").requireSuccess()
        let moved = laptop.base.appendingPathComponent("remote-away.git")
        try FileManager.default.moveItem(at: devices.remote, to: moved)
        let before = try head(laptop, laptop.root)
        let failed = try laptop.hearth("sync")
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr.contains("cannot fetch"), "\(failed)")
        #expect(try head(laptop, laptop.root) != before)
        try FileManager.default.moveItem(at: moved, to: devices.remote)

        let status = try #require(try json(try laptop.hearth("status", "--json")) as? [String: Any])
        #expect((status["ahead"] as? Int ?? 0) >= 1, "\(status)")
        #expect(status["behind"] as? Int == 0, "\(status)")
        let changes = try #require(status["changes"] as? [[String: Any]])
        #expect(changes.count == 1, "\(changes)")
        #expect(changes.first?["path"] as? String == Self.path)
        #expect(changes.first?["committed"] as? Bool == true)
        let text = try laptop.hearth("status")
        #expect(text.stdout.contains("\(Self.path)  (committed)"), "\(text)")

        let sync = try laptop.hearth("sync")
        #expect(sync.status == 0 && sync.stdout.contains("Sent 1 commit to origin/main."), "\(sync)")
        let after = try #require(try json(try laptop.hearth("status", "--json")) as? [String: Any])
        #expect(after["ahead"] as? Int == 0 && (after["changes"] as? [Any])?.isEmpty == true, "\(after)")
        #expect(try laptop.git(in: devices.remote, "rev-parse", "main").stdout == (try head(laptop, laptop.root)))
    }

    // MARK: - 10. usage errors

    @Test func unknownFlagsAreUsageErrorsThatChangeNothing() throws {
        let devices = try TwoDevices()
        let laptop = devices.notebook
        try laptop.hearth("set", "today", "energy=1").requireSuccess()
        let before = try head(laptop, laptop.root)
        let target = laptop.base.appendingPathComponent("copy")
        let commands: [[String]] = [
            ["sync", "--bogus"],
            ["resolve", "abcd", "--keep", "laptop", "--bogus"],
            ["conflicts", "--bogus"],
            ["status", "--bogus"],
            ["clone", devices.remote.path, target.path, "--bogus"],
        ]
        for arguments in commands {
            let result = try laptop.hearth(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains("--bogus"), "\(arguments): \(result)")
            #expect(result.stdoutData.isEmpty, "\(arguments): \(result)")
        }
        #expect(try head(laptop, laptop.root) == before)
        #expect(!(try laptop.git("status", "--porcelain").stdout.isEmpty))
        #expect(!exists(target))
    }
}

import Foundation
import TestSupport
import Testing

/// A remote whose URL is a relative folder path (`../remote.git`, as `git remote add` stores it)
/// means a folder relative to the notebook's root, as git reads it, wherever hearth is started
/// and whatever `-C` names; `hearth clone` reads a relative path from where the user stands.
/// Each folder a wrong reading would land on holds a decoy bare repository that must stay empty.
@Suite struct RelativeRemoteTests {
    static let path = SyncCommandTests.path

    /// A notebook at `base/nb` with today's entry, whose `origin` is `../remote.git` (added with
    /// git, so stored relative), an empty bare repository at `base/remote.git`, and decoys
    /// (empty bare repositories) at each place in `decoys` where `../remote.git` would land if
    /// read from another folder.
    struct Setup {
        let notebook: TemporaryNotebook
        var remote: URL { notebook.base.appendingPathComponent("remote.git") }

        init(decoys: [String] = []) throws {
            notebook = try TemporaryNotebook(initialized: true)
            try bare(remote)
            for decoy in decoys { try bare(notebook.base.appendingPathComponent(decoy)) }
            try notebook.hearth("today", "--no-edit").requireSuccess()
            try notebook.git("remote", "add", "origin", "../remote.git").requireSuccess()
        }

        func bare(_ url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try notebook.git("init", "-q", "--bare", "--initial-branch=main", url.path).requireSuccess()
        }

        /// `git rev-parse main` in the bare repository at `url` ("" when it has no main).
        func main(of url: URL) throws -> String {
            try notebook.git(in: url, "rev-parse", "--verify", "-q", "main").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// `git rev-parse HEAD` in the notebook.
        func head() throws -> String {
            try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// A second device: a plain git clone of the remote that commits a new entry and pushes.
        func pushFromAnotherDevice(_ path: String) throws {
            let desk = notebook.base.appendingPathComponent("desk")
            try notebook.git("clone", "-q", remote.path, desk.path).requireSuccess()
            let file = desk.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("---\ndate: 2026-11-21\n---\nfrom the desk\n".utf8).write(to: file)
            try notebook.git(in: desk, "add", "-A").requireSuccess()
            try notebook.git(in: desk, "commit", "-q", "-m", "desk: add \(path)").requireSuccess()
            try notebook.git(in: desk, "push", "-q", "origin", "HEAD:main").requireSuccess()
        }
    }

    @Test func syncFromASubfolderAndWithCFromElsewhereSendsAndReceivesThroughTheRootsRelativeRemote() throws {
        // From base/elsewhere/deeper, `../remote.git` would be base/elsewhere/remote.git.
        let setup = try Setup(decoys: ["elsewhere/remote.git"])
        let notebook = setup.notebook
        let subfolder = notebook.url("days/2026")
        let first = try notebook.hearth(["sync"], in: subfolder)
        #expect(first.status == 0 && first.stdout.contains("Sent 2 commits to origin/main."), "\(first)")
        #expect(try setup.main(of: setup.remote) == (try setup.head()))

        try setup.pushFromAnotherDevice("days/2026/2026-11-21.md")
        try notebook.hearth("set", "today", "mood=4").requireSuccess()
        let deeper = notebook.base.appendingPathComponent("elsewhere/deeper")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        let second = try notebook.hearth(["-C", "../../nb", "sync"], in: deeper)
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("Received 1 commit"), "\(second)")
        #expect(try notebook.text("days/2026/2026-11-21.md").contains("from the desk"))
        #expect(try setup.main(of: setup.remote) == (try setup.head()))
        #expect(try setup.main(of: notebook.base.appendingPathComponent("elsewhere/remote.git")).isEmpty)
        // The URL stays as git wrote it.
        #expect(try notebook.git("config", "remote.origin.url").stdout == "../remote.git\n")
    }

    @Test func watchStartedInASubfolderSyncsThroughTheRootsRelativeRemote() throws {
        let setup = try Setup()
        let notebook = setup.notebook
        // WatchProcess starts hearth with -C: here a folder inside the notebook.
        let watch = try WatchProcess(notebook, ["watch", "--quiet", "0.3", "--interval", "300"], in: notebook.url("days/2026"))
        #expect(watch.waitForLine(containing: "sync (start): committed \"laptop: add \(Self.path)\"; sent 2 commits to origin/main"), "\(watch.log)")
        #expect(try watch.waitUntil { try setup.main(of: setup.remote) == (try setup.head()) }, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test func cloneReadsARelativePathFromWhereTheUserStandsOrFromC() throws {
        let setup = try Setup()
        let notebook = setup.notebook
        try notebook.hearth("sync", "--quiet").requireSuccess()
        let elsewhere = notebook.base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        // From base/elsewhere: ../remote.git is base/remote.git.
        let here = try notebook.hearth(["clone", "../remote.git", "copy", "--device", "desk"], in: elsewhere)
        #expect(here.status == 0, "\(here)")
        #expect(here.stdout.hasPrefix("Cloned ../remote.git into \(elsewhere.appendingPathComponent("copy").path) (device desk, 1 entry)"), "\(here)")
        #expect(try notebook.git(in: elsewhere.appendingPathComponent("copy"), "config", "remote.origin.url").stdout == setup.remote.path + "\n")
        // From base with -C elsewhere: the same folder, and the clone lands under elsewhere.
        let named = try notebook.hearth(["-C", "elsewhere", "clone", "../remote.git", "other", "--device", "desk"], in: notebook.base)
        #expect(named.status == 0, "\(named)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("other/\(Self.path)").path), "\(named)")
    }
}

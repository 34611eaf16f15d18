import Foundation
import TestSupport
import Testing

/// Several `hearth clone`s of one empty remote: each is a notebook at once, and the first sync of
/// each joins whatever history the remote has by then, whichever syncs first.
@Suite struct EmptyRemoteCloneTests {
    /// An empty bare remote and two `hearth clone`s of it, `a` and `c`, that jotted a line each.
    struct Clones {
        let notebook: TemporaryNotebook
        var remote: URL { notebook.base.appendingPathComponent("e2.git") }
        var a: URL { notebook.base.appendingPathComponent("a2") }
        var c: URL { notebook.base.appendingPathComponent("c2") }

        init(jot: Bool = true) throws {
            notebook = try TemporaryNotebook()
            try notebook.git(in: notebook.base, "init", "-q", "--bare", remote.path).requireSuccess()
            for (folder, device) in [(a, "a2"), (c, "c2")] {
                try notebook.hearth(["clone", remote.path, folder.path, "--device", device], in: notebook.base).requireSuccess()
                if jot { try notebook.hearth(["jot", "line from \(device)"], in: folder).requireSuccess() }
            }
        }

        func sync(_ folder: URL) throws {
            try notebook.hearth(["sync"], in: folder).requireSuccess()
        }

        func files(_ folder: URL) throws -> [String: [UInt8]] {
            try TemporaryNotebook.files(under: folder).filter { !$0.key.hasPrefix(".git/") }
        }
    }

    @Test(arguments: [true, false])
    func twoClonesOfOneEmptyRemoteBothSyncAndConverge(aFirst: Bool) throws {
        let clones = try Clones()
        let (first, second) = aFirst ? (clones.a, clones.c) : (clones.c, clones.a)
        try clones.sync(first)
        try clones.sync(second)
        try clones.sync(first)
        let day = try #require(clones.files(first).keys.first { $0.hasPrefix("days/") })
        let text = String(decoding: try #require(try clones.files(first)[day]), as: UTF8.self)
        #expect(text.contains("line from a2") && text.contains("line from c2"), "\(text)")
        #expect(try clones.files(first) == (try clones.files(second)))
        let heads = try [first, second].map { try clones.notebook.git(in: $0, "rev-parse", "HEAD").requireSuccess().stdout }
        #expect(heads[0] == heads[1])
        #expect(try clones.notebook.git(in: clones.remote, "rev-parse", "main").stdout == heads[0])
    }

    /// The remote got a notebook after the clone, with settings of its own: the clone's untouched
    /// hearth.yaml gives way to it, its entry goes out on top of the remote's history.
    @Test func aCloneWhoseRemoteGotHistoryAfterwardsAdoptsIt() throws {
        let clones = try Clones(jot: false)
        let settings = "version: 1\nwork_target_h: 32\n"
        try Data(settings.utf8).write(to: clones.a.appendingPathComponent("hearth.yaml"))
        try clones.notebook.hearth(["jot", "line from a2"], in: clones.a).requireSuccess()
        try clones.sync(clones.a)
        try clones.notebook.hearth(["jot", "line from c2"], in: clones.c).requireSuccess()
        let sync = try clones.notebook.hearth(["sync"], in: clones.c)
        #expect(sync.status == 0, "\(sync)")
        #expect(try String(contentsOf: clones.c.appendingPathComponent("hearth.yaml"), encoding: .utf8) == settings)
        try clones.sync(clones.a)
        #expect(try clones.files(clones.a) == (try clones.files(clones.c)))
        let log = try clones.notebook.git(in: clones.remote, "log", "--format=%s", "main").requireSuccess().stdout
        #expect(!log.contains("init notebook"), "\(log)")
    }

    /// A hearth.yaml the user changed in the clone before its first sync is merged with the
    /// remote's, never replaced by it.
    @Test func anEditedSettingsFileIsMergedNotReplaced() throws {
        let clones = try Clones(jot: false)
        try clones.sync(clones.a)
        let url = clones.c.appendingPathComponent("hearth.yaml")
        let edited = try String(contentsOf: url, encoding: .utf8) + "# my own note\n"
        try Data(edited.utf8).write(to: url)
        try clones.sync(clones.c)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("# my own note"))
        let remote = try clones.notebook.git(in: clones.remote, "show", "main:hearth.yaml").requireSuccess().stdout
        #expect(remote.contains("# my own note"), "\(remote)")
    }
}

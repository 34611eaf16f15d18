import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Remotes a sync must not trust: not a notebook, not a repository, another notebook's
/// history, corrupt objects, repository extensions libgit2 1.5 cannot read. Each fails with an
/// error that names the remote and says what to do, and leaves this notebook and the remote as
/// they were; the next sync after the fix works.
@Suite("Sync: bad remotes", .badInputReport)
struct SyncBadRemoteTests {
    /// A device's state a failed sync must not change: HEAD, the branch's commits, every file.
    struct Snapshot: Equatable {
        var head: String
        var files: [String: [UInt8]]
        init(_ world: SyncWorld, _ device: String) throws {
            head = try world.head(device)
            files = world.contents(device)
        }
    }

    /// A bare repository at `name` holding one commit of `files`, made with the git CLI.
    func plainRepository(_ world: SyncWorld, _ name: String, files: [String: String]) throws -> URL {
        let work = world.base.appending(path: name + "-work", directoryHint: .isDirectory)
        let bare = world.base.appending(path: name + ".git", directoryHint: .isDirectory)
        try GitCLI(directory: world.base, home: world.home)("init", "-q", "--initial-branch=main", work.path(percentEncoded: false))
        for (path, text) in files {
            let url = work.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try GitCLI(directory: work, home: world.home).commitAll("someone else's project")
        try GitCLI(directory: world.base, home: world.home)("clone", "-q", "--bare", work.path(percentEncoded: false), bare.path(percentEncoded: false))
        return bare
    }

    @Test("a plain git repository with unrelated content: refused, nothing merged or pushed, the next sync to the right remote works")
    func notANotebook() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            let other = try plainRepository(world, "project", files: ["README.md": "# A project\n", "src/main.c": "int main(){}\n"])
            let otherHead = try GitCLI(directory: other, home: world.home)("rev-parse", "main")
            try world.git("laptop")("remote", "set-url", "origin", other.path(percentEncoded: false))
            try world.write("laptop", "notes/a.md", "alpha\nedited\n")
            let before = try Snapshot(world, "laptop")
            #expect {
                try world.sync("laptop")
            } throws: { error in
                guard case SyncError.unrelatedHistory("origin", isNotebook: false) = error else { return false }
                let text = "\(error)"
                return text.contains("no hearth.yaml") && text.contains("nothing was merged or sent")
            }
            // The snapshot committed the edit; no merge, no file of the project arrived.
            #expect(try world.git("laptop")("rev-list", "--count", "--merges", "HEAD") == "0")
            #expect(world.contents("laptop") == before.files)
            #expect(world.files("laptop").allSatisfy { !$0.hasPrefix("src/") && $0 != "README.md" })
            #expect(try GitCLI(directory: other, home: world.home)("rev-parse", "main") == otherHead, "the project's branch moved")
            try world.fsck("laptop")
            // Back to the notebook's remote: the edit goes out.
            try world.git("laptop")("remote", "set-url", "origin", world.remote.path(percentEncoded: false))
            #expect(try world.sync("laptop").outcome == .pushed)
            #expect(try world.git("remote.git")("show", "main:notes/a.md") == "alpha\nedited")
        }
    }

    @Test("another notebook with no history in common: refused, never merged silently; the message says how to join it")
    func unrelatedNotebook() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            // A second notebook, made by hearth init on another machine, pushed to its own remote.
            let stranger = world.root("stranger")
            try world.write("stranger", "notes/a.md", "the stranger's alpha\n")
            _ = try NotebookSetup.initialize(at: stranger, device: "stranger")
            let strangerRemote = world.base.appending(path: "stranger.git", directoryHint: .isDirectory)
            _ = try Repository.create(at: strangerRemote, initialBranch: "main", bare: true)
            _ = try Repository.open(at: stranger).addRemote(name: "origin", url: strangerRemote.path(percentEncoded: false))
            try world.sync("stranger")
            let strangerHead = try GitCLI(directory: strangerRemote, home: world.home)("rev-parse", "main")

            try world.git("laptop")("remote", "set-url", "origin", strangerRemote.path(percentEncoded: false))
            let before = try Snapshot(world, "laptop")
            #expect {
                try world.sync("laptop")
            } throws: { error in
                guard case SyncError.unrelatedHistory("origin", isNotebook: true) = error else { return false }
                return "\(error)".contains("holds another notebook") && "\(error)".contains("nothing was merged or sent")
            }
            #expect(try Snapshot(world, "laptop") == before)
            #expect(world.read("laptop", "notes/a.md") == "alpha\n")
            #expect(try GitCLI(directory: strangerRemote, home: world.home)("rev-parse", "main") == strangerHead)
            // A second try says the same and still changes nothing.
            #expect(throws: SyncError.self) { try world.sync("laptop") }
            #expect(try Snapshot(world, "laptop") == before)
        }
    }

    @Test("a remote path that is not a repository, or does not exist: the error names it, the local commit is kept")
    func notARepository() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            let folder = world.base.appending(path: "just-a-folder", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("not git\n".utf8).write(to: folder.appending(path: "file.txt"))
            for (url, expected) in [(folder.path(percentEncoded: false), "could not find repository"),
                                    (folder.appending(path: "missing").path(percentEncoded: false), "does not exist (moved or deleted?)")] {
                try world.git("laptop")("remote", "set-url", "origin", url)
                try world.write("laptop", "notes/a.md", "alpha \(url.count)\n")
                #expect {
                    try world.sync("laptop")
                } throws: { error in
                    guard case SyncError.network("origin", "fetch from", _) = error else { return false }
                    return "\(error)".contains(expected) && "\(error)".contains(url.hasSuffix("/") ? String(url.dropLast()) : url)
                }
                #expect(try world.git("laptop")("status", "--porcelain").isEmpty, "the edit was not committed locally")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false)) == ["file.txt"])
            try world.git("laptop")("remote", "set-url", "origin", world.remote.path(percentEncoded: false))
            #expect(try world.sync("laptop").outcome == .pushed)
        }
    }

    /// The loose object file of `id` in a bare repository.
    func looseObject(_ repository: URL, _ id: String) -> URL {
        repository.appending(path: "objects/\(id.prefix(2))/\(id.dropFirst(2))")
    }

    @Test("a corrupt object on the remote (garbage, or another object's bytes): the fetch fails, the notebook stays intact and usable",
          arguments: ["garbage", "wrong object", "pack"])
    func corruptObject(kind: String) throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "alpha\n"]) { world in
            // The laptop pushes with the git CLI so the new objects land loose on the remote.
            try world.write("laptop", "notes/a.md", "alpha\nfrom laptop\n")
            try world.git("laptop").commitAll("laptop: edit notes/a.md")
            try world.git("laptop")("push", "-q", "origin", "main")
            let blob = try world.git("laptop")("rev-parse", "HEAD:notes/a.md")
            var file = looseObject(world.remote, blob)
            if kind == "pack" {
                // Everything in one pack, then bytes in its middle (object data) overwritten.
                try world.git("remote.git")("repack", "-adq")
                let packs = world.remote.appending(path: "objects/pack")
                let name = try #require(try FileManager.default.contentsOfDirectory(atPath: packs.path(percentEncoded: false)).first { $0.hasSuffix(".pack") })
                file = packs.appending(path: name)
            }
            let original = try Data(contentsOf: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path(percentEncoded: false))
            if kind == "pack" {
                var damaged = original
                for index in 12..<(original.count - 20) { damaged[index] = 0x5A }
                try damaged.write(to: file)
            } else if kind == "garbage" {
                try Data(repeating: 0x5A, count: original.count).write(to: file)
            } else {
                // A well-formed object whose content does not hash to its name: a lying remote.
                let impostor = try world.blob("laptop", "alpha\nimpostor\n")
                try Data(contentsOf: looseObject(world.root("laptop").appending(path: ".git"), impostor)).write(to: file)
            }
            try world.write("desk", "notes/b.md", "desk's own\n")
            let deskHead = try world.head("desk")
            #expect {
                try world.sync("desk")
            } throws: { error in
                guard case SyncError.network("origin", "fetch from", let failure) = error, failure.kind == .damagedRemote else { return false }
                return "\(error)".contains("The remote repository is damaged")
            }
            // The desk committed its own file, received nothing, and its repository is sound.
            #expect(world.read("desk", "notes/a.md") == "alpha\n")
            #expect(world.read("desk", "notes/b.md") == "desk's own\n")
            #expect(try world.git("desk")("rev-parse", "HEAD~1") == deskHead)
            let stored = try world.git("desk").run(["cat-file", "blob", blob])
            #expect(stored.status != 0 || stored.stdout == "alpha\nfrom laptop\n", "a corrupt object was stored")
            try world.fsck("desk")
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
            // The notebook stays usable locally, and syncs once the remote is repaired.
            try world.write("desk", "notes/b.md", "desk's own\nmore\n")
            try Data(original).write(to: file)
            let report = try world.sync("desk")
            #expect(report.outcome == .merged)
            #expect(world.read("desk", "notes/a.md") == "alpha\nfrom laptop\n")
            #expect(try world.committed("desk", "notes/b.md") == Array("desk's own\nmore\n".utf8))
            try world.fsck("desk")
        }
    }

    @Test("a repository extension libgit2 1.5 cannot read, in the notebook: a clear error, nothing changed, works once removed",
          arguments: [("objectFormat", "sha256"), ("worktreeConfig", "true"), ("hearthFuture", "yes")])
    func localExtension(name: String, value: String) throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            try world.write("laptop", "notes/a.md", "alpha\nedited\n")
            let head = try world.head("laptop")
            let config = world.root("laptop").appending(path: ".git/config")
            try world.git("laptop")("config", "core.repositoryformatversion", "1")
            try world.git("laptop")("config", "extensions.\(name)", value)
            let gitFolder = try listing(world.root("laptop").appending(path: ".git"))
            #expect {
                try world.sync("laptop")
            } throws: { error in
                "\(error)".contains("uses the git extension '\(name.lowercased())'") && "\(error)".contains("libgit2 1.5")
                    && "\(error)".contains(world.root("laptop").lastPathComponent)
            }
            #expect(try listing(world.root("laptop").appending(path: ".git")) == gitFolder, "the repository changed")
            #expect(world.read("laptop", "notes/a.md") == "alpha\nedited\n")
            try unsetExtension(world, config: config, name)
            #expect(try world.head("laptop") == head)
            #expect(try world.sync("laptop").outcome == .pushed)
        }
    }

    @Test("a repository extension libgit2 1.5 cannot read, on the remote: a clear error, the remote untouched, the local edit kept",
          arguments: [("objectFormat", "sha256"), ("worktreeConfig", "true"), ("hearthFuture", "yes")])
    func remoteExtension(name: String, value: String) throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            try world.git("remote.git")("config", "core.repositoryformatversion", "1")
            try world.git("remote.git")("config", "extensions.\(name)", value)
            let remoteFiles = try listing(world.remote)
            try world.write("laptop", "notes/a.md", "alpha\nedited\n")
            #expect {
                try world.sync("laptop")
            } throws: { error in
                guard case SyncError.network("origin", _, _) = error else { return false }
                return "\(error)".contains("remote repository uses the git extension '\(name.lowercased())'") && "\(error)".contains("nothing was changed")
            }
            #expect(try listing(world.remote) == remoteFiles)
            #expect(world.read("laptop", "notes/a.md") == "alpha\nedited\n")
            try unsetExtension(world, config: world.remote.appending(path: "config"), name)
            #expect(try world.sync("laptop").outcome == .pushed)
        }
    }

    /// Removes the extension again with `git config -f` run outside any repository (git itself
    /// refuses to work in a repository with an extension it does not know).
    func unsetExtension(_ world: SyncWorld, config: URL, _ name: String) throws {
        let git = GitCLI(directory: world.base, home: world.home)
        try git("config", "-f", config.path(percentEncoded: false), "--unset", "extensions.\(name)")
        try git("config", "-f", config.path(percentEncoded: false), "core.repositoryformatversion", "0")
    }

    /// Every file under `folder` with its bytes, for "nothing changed" checks.
    func listing(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = folder.path(percentEncoded: false)
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            }
        }
        return result
    }
}

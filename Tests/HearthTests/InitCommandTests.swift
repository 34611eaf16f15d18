import Foundation
import TestSupport
import Testing

/// `hearth init PATH --device NAME`: a new notebook, an adopted folder, repeated runs, bad paths.
@Suite struct InitCommandTests {
    @Test func initCreatesAGitNotebookWithOneCommitNamingTheDevice() throws {
        let notebook = try TemporaryNotebook()
        let result = try notebook.hearth("init", "nb", "--device", "laptop", in: notebook.base)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("device laptop"))
        #expect(notebook.exists(".git/HEAD"))
        #expect(notebook.exists("hearth.yaml"))
        #expect(notebook.exists(".gitignore"))
        #expect(try notebook.git("config", "hearth.device").stdout == "laptop\n")
        let log = try notebook.git("log", "--format=%s")
        #expect(log.status == 0)
        #expect(log.stdoutLines.count == 1)
        #expect(log.stdoutLines.first?.contains("laptop") == true, "\(log.stdout)")
        #expect(try notebook.git("ls-files").stdoutLines == [".gitignore", "hearth.yaml"])
        let fsck = try notebook.git("fsck", "--strict")
        #expect(fsck.status == 0, "\(fsck)")
        #expect(fsck.stderr.isEmpty && fsck.stdout.isEmpty, "\(fsck)")
        let status = try notebook.git("status", "--porcelain")
        #expect(status.status == 0 && status.stdout.isEmpty, "\(status)")
    }

    @Test func initAdoptsAnExistingFolderWithoutChangingAnyFile() throws {
        let notebook = try TemporaryNotebook()
        let originals: [String: [UInt8]] = [
            "a.md": Array("---\ntitle: a\n---\nA\n".utf8),
            "plain.md": Array("no front-matter at all\n".utf8),
            "sub/b.md": Array("---\r\ntitle: b\r\nenergy: 3 # windows\r\n---\r\nB".utf8),
            "sub/deeper/broken.md": Array("---\ntitle: [\n---\nbroken front-matter\n".utf8),
            "days/2026/2026-11-20.md": Array("---\nkind: day\nenergy: 2\n---\n\n## Notes\ncafé ☕\n".utf8),
        ]
        for (path, bytes) in originals { try notebook.write(path, bytes: bytes) }

        let result = try notebook.hearth("init", "nb", "--device", "laptop", in: notebook.base)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("5 entries"), "\(result.stdout)")

        for (path, bytes) in originals {
            #expect(try notebook.bytes(path) == bytes, "\(path) changed on disk")
            let committed = try notebook.git("show", "HEAD:\(path)")
            #expect(committed.status == 0, "\(path) not committed: \(committed.stderr)")
            #expect([UInt8](committed.stdoutData) == bytes, "\(path) committed with different bytes")
        }
        #expect(try notebook.git("log", "--format=%s").stdoutLines.count == 1)
        let status = try notebook.git("status", "--porcelain", "--untracked-files=all")
        #expect(status.stdout.isEmpty, "\(status)")
        #expect(try notebook.git("fsck", "--strict").status == 0)
    }

    /// A vault that holds another git repository (a cloned project, say) can still be adopted:
    /// plain `git add -A` would record it as a gitlink and commit the rest.
    @Test func initAdoptsAFolderContainingANestedRepository() throws {
        let notebook = try TemporaryNotebook()
        try notebook.write("a.md", "---\ntitle: a\n---\n")
        try notebook.write("inner/readme.md", "# inner\n")
        let inner = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "init", "-q", "inner"],
                                          in: notebook.root, environment: notebook.environment())
        #expect(inner.status == 0, "\(inner)")
        let result = try notebook.hearth("init", "nb", "--device", "laptop", in: notebook.base)
        let committed = try notebook.git("show", "HEAD:a.md")
        #expect(result.status == 0, "\(result)")
        #expect(committed.status == 0, "\(committed)")
        #expect(try notebook.text("a.md") == "---\ntitle: a\n---\n")
        #expect(try notebook.text("inner/readme.md") == "# inner\n")
    }

    @Test func initTwiceIsHarmless() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/idea.md", "---\ntitle: idea\n---\n")
        try notebook.git("add", "-A")
        #expect(try notebook.git("commit", "-q", "-m", "idea").status == 0)
        let before = try notebook.snapshot()
        let head = try notebook.git("rev-parse", "HEAD").stdout

        let again = try notebook.hearth("init", "nb", "--device", "laptop", in: notebook.base)
        #expect(again.status == 0, "\(again)")
        #expect(try notebook.snapshot() == before)
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head, "a second init must not add a commit")
        #expect(try notebook.git("config", "hearth.device").stdout == "laptop\n")
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(try notebook.git("fsck", "--strict").status == 0)
    }

    @Test func initOnAFileFails() throws {
        let notebook = try TemporaryNotebook()
        let file = notebook.base.appendingPathComponent("afile")
        try notebook.write(file, bytes: Array("just a file\n".utf8))
        let result = try notebook.hearth("init", "afile", "--device", "laptop", in: notebook.base)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("afile"))
        #expect(try Data(contentsOf: file) == Data("just a file\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: notebook.base.appendingPathComponent(".git").path))
    }

    @Test func notebooksLookLikeOrdinaryGitHistoryAfterACLICommit() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        #expect(try notebook.hearth("new", "day", "--no-edit", "--set", "energy=3").status == 0)
        #expect(try notebook.hearth("new", "note", "--title", "Reading list").status == 0)
        #expect(try notebook.hearth("new", "experiment", "--title", "Warmup ablation").status == 0)
        #expect(try notebook.hearth("new", "week").status == 0)
        #expect(try notebook.git("add", "-A").status == 0)
        let commit = try notebook.git("commit", "-q", "-m", "first entries")
        #expect(commit.status == 0, "\(commit)")
        #expect(try notebook.git("log", "--format=%s").stdoutLines == ["first entries", "laptop: init notebook (0 entries)"])
        let fsck = try notebook.git("fsck", "--strict")
        #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(try notebook.git("ls-files").stdoutLines == [
            ".gitignore", "days/2026/2026-11-22.md", "experiments/2026/2026-11-22-warmup-ablation.md",
            "hearth.yaml", "notes/reading-list.md", "weeks/2026/2026-W47.md",
        ])
    }

    /// A code project is not adopted by accident: `init` names a few of its files and asks for
    /// `--adopt`, and changes nothing until it gets it.
    @Test func initInARepositoryOfCodeAsksForAdopt() throws {
        let notebook = try TemporaryNotebook()
        let files = ["Package.swift": "// swift-tools-version:6.0\n", "README.md": "# App\n", "Sources/App/main.swift": "print(1)\n",
                     "Sources/App/util.swift": "let x = 1\n", "Makefile": "all:\n", ".gitignore": ".build/\n"]
        for (path, text) in files { try notebook.write(path, text) }
        try notebook.git("init", "-q", "-b", "main").requireSuccess()
        try notebook.git("add", "-A").requireSuccess()
        try notebook.git("commit", "-q", "-m", "app").requireSuccess()
        let head = try notebook.git("rev-parse", "HEAD").stdout
        let config = try notebook.bytes(".git/config")
        let before = try notebook.snapshot()

        let refused = try notebook.hearth("init", "--device", "laptop")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.hasPrefix("hearth: error: \(notebook.root.path) is a git repository whose commits hold files that are not notes "
                                         + "(Makefile, Package.swift, Sources/App/main.swift and 1 more); nothing was changed."), "\(refused)")
        #expect(refused.stderr.contains("hearth init --adopt"), "\(refused)")
        #expect(try notebook.snapshot() == before)
        #expect(try notebook.bytes(".git/config") == config)
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)

        let adopted = try notebook.hearth("init", "--adopt", "--device", "laptop")
        #expect(adopted.status == 0 && adopted.stdout.hasPrefix("Adopted notebook at \(notebook.root.path)"), "\(adopted)")
        #expect(try notebook.git("show", "HEAD:hearth.yaml").status == 0)
        #expect(try notebook.git("rev-parse", "HEAD~1").stdout == head)
        // Now a notebook, it needs no --adopt again.
        #expect(try notebook.hearth("init", "--device", "laptop").status == 0)
    }

    /// A repository of notes (Markdown, text, attachments, a vault's dot-folders) is adopted as it is.
    @Test func initInARepositoryOfNotesAdoptsWithoutAsking() throws {
        let notebook = try TemporaryNotebook()
        let files = ["a.md": "# a\n", "b.markdown": "# b\n", "old/c.txt": "c\n", "attachments/Photo.PNG": "png\n",
                     "attachments/paper.pdf": "pdf\n", ".obsidian/app.json": "{}\n", ".gitignore": ".DS_Store\n"]
        for (path, text) in files { try notebook.write(path, text) }
        try notebook.git("init", "-q", "-b", "main").requireSuccess()
        try notebook.git("add", "-A").requireSuccess()
        try notebook.git("commit", "-q", "-m", "vault").requireSuccess()
        let result = try notebook.hearth("init", "--device", "laptop")
        #expect(result.status == 0 && result.stdout.hasPrefix("Adopted notebook"), "\(result)")
        #expect(try notebook.text("a.md") == "# a\n")
    }

    /// The hint is a command that works: run as printed, it makes the notebook the default.
    @Test(arguments: ["nb", "my notes"])
    func initPrintsHowToMakeItTheDefaultNotebook(folder: String) throws {
        let notebook = try TemporaryNotebook()
        let result = try notebook.hearth("init", folder, "--device", "laptop", in: notebook.base)
        #expect(result.status == 0, "\(result)")
        let path = notebook.base.appendingPathComponent(folder).path
        let quoted = folder.contains(" ") ? "'\(path)'" : path
        let hint = try #require(result.stdoutLines.last)
        #expect(hint == "To use it from any folder: git config --global hearth.notebook \(quoted)", "\(result)")
        let command = String(hint.dropFirst("To use it from any folder: ".count))
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: notebook.base, environment: notebook.environment()).requireSuccess()
        let outside = notebook.base.appendingPathComponent("outside")
        let today = try notebook.hearth("today", "--no-edit", in: outside)
        #expect(today.status == 0, "\(today)")
        #expect(FileManager.default.fileExists(atPath: "\(path)/days/2026/2026-11-22.md"))
    }
}

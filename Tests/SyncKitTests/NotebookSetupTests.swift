import Foundation
import TestSupport
import GitKit
import NoteKit
import SyncKit
import Testing

@Suite("NotebookSetup.initialize")
struct NotebookSetupTests {
    static let hearthGitignore = """
        # Written by hearth init.
        .*.hearth-*.tmp
        .*.sw[a-px]
        4913
        *~
        .#*
        \\#*#
        .idea/
        .vscode/
        .DS_Store
        ._*
        Thumbs.db
        ~$*
        .~lock.*#
        .obsidian/workspace*.json
        .obsidian/cache
        .trash/
        review-*-to-*.html
        !.*.sw[a-px]/
        !4913/
        !*~/
        !.#*/
        !\\#*#/
        !.DS_Store/
        !._*/
        !Thumbs.db/
        !~$*/
        !.~lock.*#/
        !.obsidian/workspace*.json/

        """

    /// Paths in HEAD's tree, in git's order.
    func trackedFiles(_ git: GitCLI) throws -> [String] {
        try git("ls-tree", "-r", "-z", "--name-only", "HEAD").split(separator: "\0").map(String.init)
    }

    /// `git fsck --strict` succeeds and complains about nothing.
    func expectFsckClean(_ git: GitCLI, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try git.run(["fsck", "--strict", "--no-progress"])
        #expect(fsck.status == 0, "\(fsck.stderr)", sourceLocation: sourceLocation)
        #expect(!fsck.stdout.contains("warning") && !fsck.stderr.contains("warning"), "\(fsck.stdout)\(fsck.stderr)",
                sourceLocation: sourceLocation)
        #expect(!fsck.stdout.contains("error") && !fsck.stderr.contains("error"), "\(fsck.stdout)\(fsck.stderr)",
                sourceLocation: sourceLocation)
    }

    @Test func newFolderBecomesANotebook() throws {
        try Sandbox.with { box in
            let git = box.git
            let outcome = try NotebookSetup.initialize(at: box.root, device: "Ada's MacBook.local")
            #expect(outcome.root.path == box.root.path)
            #expect(outcome.createdRepository)
            #expect(outcome.device == "Ada-s-MacBook-local")
            #expect(outcome.entryCount == 0)
            let commit = try #require(outcome.commit)

            #expect(try git("symbolic-ref", "HEAD") == "refs/heads/main")
            #expect(try git("rev-parse", "HEAD") == commit.description)
            #expect(try git("rev-list", "--count", "HEAD") == "1")
            #expect(try git("log", "-1", "--format=%s") == "Ada-s-MacBook-local: init notebook (0 entries)")
            #expect(try git("log", "-1", "--format=%P") == "")
            #expect(try git("config", "--get", "hearth.device") == "Ada-s-MacBook-local")

            #expect(try trackedFiles(git) == [".gitignore", "hearth.yaml"])
            #expect(String(decoding: try box.read(".gitignore"), as: UTF8.self) == Self.hearthGitignore)
            let settings = String(decoding: try box.read("hearth.yaml"), as: UTF8.self)
            let settingLines = settings.split(separator: "\n").map(String.init)
            #expect(settingLines.contains("version: 1"))
            #expect(settingLines.contains("work_target_h: 40"))

            #expect(try git("status", "--porcelain", "--untracked-files=all") == "")
            try expectFsckClean(git)
        }
    }

    @Test func missingFolderIsCreated() throws {
        try Sandbox.with { box in
            let root = box.root.appending(path: "deep/new notebook", directoryHint: .isDirectory)
            let outcome = try NotebookSetup.initialize(at: root, device: "laptop")
            #expect(outcome.createdRepository)
            #expect(outcome.commit != nil)
            let git = GitCLI(directory: root, home: box.home)
            #expect(try git("symbolic-ref", "HEAD") == "refs/heads/main")
            #expect(try trackedFiles(git) == [".gitignore", "hearth.yaml"])
            #expect(try git("status", "--porcelain") == "")
        }
    }

    @Test func existingFolderIsAdoptedByteForByte() throws {
        try Sandbox.with { box in
            let git = box.git
            let originals: [String: Data] = [
                "days/2026/2026-11-22.md": Data("---\r\nkind: day\r\ndate: 2026-11-22\r\nenergy: 3\r\n---\r\n\r\n## Done\r\n- ship: x\r\n".utf8),
                "notes/ideas/reading list.md": Data("# Reading list\n\n- Designing Data-Intensive Applications".utf8),
                // Malformed: the front-matter is never closed.
                "broken.md": Data("---\nkind: day\nenergy: [1,\n".utf8),
                "attachments/photo.bin": Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x0D, 0x0A]),
                ".obsidian/app.json": Data("{\"theme\": \"dark\"}\n".utf8),
                "hearth.yaml": Data("version: 1\nwork_target_h: 35\n".utf8),
            ]
            for (path, data) in originals { try box.write(path, data) }
            let userIgnore = "*.log\n.DS_Store\nprivate/"
            try box.write(".gitignore", userIgnore)
            // Ignored: by the user's pattern, and by the patterns hearth adds.
            try box.write("debug.log", "noise\n")
            try box.write(".obsidian/workspace.json", "{}\n")
            try box.write("days/2026/.2026-11-22.md.hearth-1a2b.tmp", "half-written\n")

            let outcome = try NotebookSetup.initialize(at: box.root, device: "dev")
            #expect(outcome.createdRepository)
            #expect(outcome.entryCount == 3)
            let commit = try #require(outcome.commit)
            #expect(try git("rev-parse", "HEAD") == commit.description)
            #expect(try git("log", "-1", "--format=%s") == "dev: init notebook (3 entries)")

            #expect(try trackedFiles(git) == [
                ".gitignore", ".obsidian/app.json", "attachments/photo.bin", "broken.md",
                "days/2026/2026-11-22.md", "hearth.yaml", "notes/ideas/reading list.md",
            ])
            for (path, data) in originals {
                let committed = try git.run(["show", "HEAD:\(path)"])
                #expect(committed.status == 0, "\(path): \(committed.stderr)")
                #expect(committed.stdoutData == data, "\(path) committed differently")
                #expect(try box.read(path) == data, "\(path) changed on disk")
            }

            let expectedIgnore = userIgnore + "\n# Added by hearth init.\n.*.hearth-*.tmp\n.*.sw[a-px]\n4913\n*~\n.#*\n\\#*#\n.idea/\n.vscode/\n"
                + "._*\nThumbs.db\n~$*\n.~lock.*#\n.obsidian/workspace*.json\n.obsidian/cache\n.trash/\nreview-*-to-*.html\n"
                + "!.*.sw[a-px]/\n!4913/\n!*~/\n!.#*/\n!\\#*#/\n!.DS_Store/\n!._*/\n!Thumbs.db/\n!~$*/\n!.~lock.*#/\n!.obsidian/workspace*.json/\n"
            #expect(String(decoding: try box.read(".gitignore"), as: UTF8.self) == expectedIgnore)
            #expect(try git.run(["show", "HEAD:.gitignore"]).stdout == expectedIgnore)

            #expect(try git("status", "--porcelain", "--untracked-files=all") == "")
            try expectFsckClean(git)
        }
    }

    @Test func gitignoreWithAllPatternsIsLeftAlone() throws {
        try Sandbox.with { box in
            let ignore = Data(("# mine\r\n.trash/\r\n  .DS_Store  \r\n.*.hearth-*.tmp\r\n.obsidian/workspace*.json\r\nbuild/\r\n"
                + ".*.sw[a-px]\r\n4913\r\n*~\r\n.#*\r\n\\#*#\r\n.idea/\r\n.vscode/\r\n._*\r\nThumbs.db\r\n~$*\r\n.~lock.*#\r\n.obsidian/cache\r\nreview-*-to-*.html\r\n"
                + "!.*.sw[a-px]/\r\n!4913/\r\n!*~/\r\n!.#*/\r\n!\\#*#/\r\n!.DS_Store/\r\n!._*/\r\n!Thumbs.db/\r\n!~$*/\r\n!.~lock.*#/\r\n!.obsidian/workspace*.json/\r\n").utf8)
            try box.write(".gitignore", ignore)
            _ = try NotebookSetup.initialize(at: box.root, device: "dev")
            #expect(try box.read(".gitignore") == ignore)
            #expect(try box.git.run(["show", "HEAD:.gitignore"]).stdoutData == ignore)
        }
    }

    /// A notebook an older hearth init set up has the patterns but not the lines that let folders
    /// named like artefacts through: init appends only those, after the patterns, so they win.
    @Test func anOlderGitignoreGetsTheFolderReincludesAfterItsPatterns() throws {
        try Sandbox.with { box in
            let older = Self.hearthGitignore.split(separator: "\n").filter { !$0.hasPrefix("!") }.joined(separator: "\n") + "\n"
            try box.write(".gitignore", Data(older.utf8))
            try box.write("drafts~/plan.md", "the plan\n")
            _ = try NotebookSetup.initialize(at: box.root, device: "dev")
            let expected = older + "# Added by hearth init.\n" + EditorArtefact.gitignoreFolderReincludes.joined(separator: "\n") + "\n"
            #expect(String(decoding: try box.read(".gitignore"), as: UTF8.self) == expected)
            #expect(try trackedFiles(box.git).contains("drafts~/plan.md"))
        }
    }

    @Test func aRepositoryOfCodeIsOnlyAdoptedWhenAsked() throws {
        try Sandbox.with { box in
            let git = box.git
            try git("init", "-q", "-b", "main")
            try box.write("notes/a.md", "# a\n")
            try box.write("src/b.py", "print(1)\n")
            try box.write("setup.py", "\n")
            try git.commitAll("code")
            let head = try git("rev-parse", "HEAD")
            let config = try box.read(".git/config")
            let error = try #require(throws: SyncError.self) { try NotebookSetup.initialize(at: box.root, device: "laptop") }
            guard case .notNotes(let path, let files, let count) = error else { throw error }
            #expect(path == box.root.path)
            #expect(files == ["setup.py", "src/b.py"])
            #expect(count == 2)
            #expect(!box.exists("hearth.yaml") && !box.exists(".gitignore"))
            #expect(try box.read(".git/config") == config)
            #expect(try git("rev-parse", "HEAD") == head)
            let outcome = try NotebookSetup.initialize(at: box.root, device: "laptop", adopt: true)
            #expect(outcome.commit != nil && box.exists("hearth.yaml"))
        }
    }

    @Test(arguments: [
        ("a.md", true), ("days/2026/x.MD", true), ("n.markdown", true), ("old.txt", true), ("img/p.JPG", true), ("doc.pdf", true),
        ("hearth.yaml", true), (".gitignore", true), (".obsidian/plugins/x/main.js", true), ("notes/.hidden/run.sh", true),
        ("main.swift", false), ("Makefile", false), ("config.yaml", false), ("docs/hearth.yaml", false), ("md", false), ("a.md.bak", false),
    ])
    func whatCountsAsNotes(path: String, isNote: Bool) {
        #expect(NotebookSetup.isNoteFile(path) == isNote, "\(path)")
    }

    @Test func existingRepositoryIsAdoptedOnTopOfItsHistory() throws {
        try Sandbox.with { box in
            let git = box.git
            try git("init", "-q", "-b", "main")
            try box.write("days/2026/2026-11-21.md", "---\nkind: day\nenergy: 2\n---\n")
            try git.commitAll("first")
            let oldHead = try git("rev-parse", "HEAD")

            let outcome = try NotebookSetup.initialize(at: box.root, device: "laptop")
            #expect(!outcome.createdRepository)
            #expect(outcome.entryCount == 1)
            let commit = try #require(outcome.commit)
            #expect(try git("rev-parse", "HEAD") == commit.description)
            #expect(try git("rev-parse", "HEAD^") == oldHead)
            #expect(try git("log", "-1", "--format=%P") == oldHead)
            #expect(try git("rev-list", "--count", "HEAD") == "2")
            #expect(try git("log", "-1", "--format=%s") == "laptop: init notebook (1 entry)")
            #expect(try git("symbolic-ref", "HEAD") == "refs/heads/main")
            #expect(try git("diff", "--name-only", "HEAD^", "HEAD") == ".gitignore\nhearth.yaml")
            #expect(try git("config", "--get", "hearth.device") == "laptop")
            #expect(try git("status", "--porcelain") == "")
            try expectFsckClean(git)

            // Again, with nothing changed: no second commit, and the configured device is kept.
            let again = try NotebookSetup.initialize(at: box.root, device: nil)
            #expect(again.commit == nil)
            #expect(!again.createdRepository)
            #expect(again.device == "laptop")
            #expect(again.entryCount == 1)
            #expect(try git("rev-parse", "HEAD") == commit.description)
            #expect(try git("rev-list", "--count", "HEAD") == "2")
        }
    }

    @Test func secondInitializeOfANewNotebookCommitsNothing() throws {
        try Sandbox.with { box in
            let first = try NotebookSetup.initialize(at: box.root, device: "laptop")
            let firstCommit = try #require(first.commit)
            let second = try NotebookSetup.initialize(at: box.root, device: "Desk top")
            #expect(second.commit == nil)
            #expect(!second.createdRepository)
            // An explicit device replaces the configured one.
            #expect(second.device == "Desk-top")
            #expect(try box.git("config", "--get", "hearth.device") == "Desk-top")
            #expect(try box.git("rev-parse", "HEAD") == firstCommit.description)
            #expect(try box.git("rev-list", "--count", "HEAD") == "1")
            #expect(String(decoding: try box.read(".gitignore"), as: UTF8.self) == Self.hearthGitignore)
        }
    }

    @Test func initializeAfterANewEntryCommitsIt() throws {
        try Sandbox.with { box in
            let first = try #require(try NotebookSetup.initialize(at: box.root, device: "laptop").commit)
            try box.write("days/2026/2026-11-22.md", "---\nkind: day\n---\n")
            let second = try NotebookSetup.initialize(at: box.root, device: nil)
            let commit = try #require(second.commit)
            #expect(second.entryCount == 1)
            #expect(try box.git("rev-parse", "HEAD^") == first.description)
            #expect(try box.git("rev-parse", "HEAD") == commit.description)
            #expect(try box.git("log", "-1", "--format=%s") == "laptop: init notebook (1 entry)")
        }
    }

    @Test func emptyRepositoryOnAnotherBranchKeepsItsBranch() throws {
        try Sandbox.with { box in
            try box.git("init", "-q", "-b", "trunk")
            let outcome = try NotebookSetup.initialize(at: box.root, device: "laptop")
            #expect(!outcome.createdRepository)
            let commit = try #require(outcome.commit)
            #expect(try box.git("symbolic-ref", "HEAD") == "refs/heads/trunk")
            #expect(try box.git("rev-parse", "refs/heads/trunk") == commit.description)
            #expect(try box.git("rev-list", "--count", "HEAD") == "1")
        }
    }

    @Test func aFileIsNotANotebook() throws {
        try Sandbox.with { box in
            try box.write("entry.md", "# not a folder\n")
            let file = box.root.appending(path: "entry.md")
            let error = try #require(throws: SyncError.self) {
                try NotebookSetup.initialize(at: file, device: "laptop")
            }
            guard case .notAFolder(let path) = error else {
                Issue.record("expected notAFolder, got \(error)")
                return
            }
            #expect(path == file.path)
            #expect(try box.read("entry.md") == Data("# not a folder\n".utf8))
            #expect(!box.exists(".git"))
            #expect(!box.exists("hearth.yaml"))
        }
    }
}

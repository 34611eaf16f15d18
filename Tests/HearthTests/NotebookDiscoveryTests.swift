import Foundation
import TestSupport
import Testing

/// Every command finds its notebook by hearth.yaml, walking up like git finds .git, and refuses
/// to run anywhere else: it never writes days/ into a random folder or commits into a code project.
@Suite struct NotebookDiscoveryTests {
    /// Commands that need a notebook, each with arguments that would otherwise work.
    static let commands: [[String]] = [
        ["today", "--no-edit"], ["new", "note", "--title", "Idea"], ["edit", "today"], ["set", "today", "energy=3"],
        ["unset", "today", "energy"], ["list"], ["show", "today"], ["check"], ["done", "ship", "release"],
        ["jot", "a line"], ["grateful", "tea"], ["learned", "a thing"], ["review"], ["experiments"],
        ["export", "--format", "jsonl"], ["sync"], ["status"], ["conflicts"], ["log"], ["diff"], ["grep", "hello"],
        ["remote", "list"], ["remote", "add", "origin", "/nowhere.git"], ["watch"],
    ]

    static func notInNotebook(_ directory: URL) -> String {
        "hearth: error: not in a notebook (no hearth.yaml in \(directory.path) or above); run hearth init, or use -C DIR\n"
    }

    /// Every path under `folder` (folders too, `.git` included) with the bytes of each file.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            tree[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return tree
    }

    /// A git repository `project` beside the notebook folder with `files` committed on main.
    static func project(_ notebook: TemporaryNotebook, _ files: [String: String]) throws -> URL {
        let project = notebook.base.appendingPathComponent("project")
        for (path, text) in files { try notebook.write(project.appendingPathComponent(path), bytes: Array(text.utf8)) }
        try notebook.git(in: project, "init", "-q", "-b", "main").requireSuccess()
        try notebook.git(in: project, "add", "-A").requireSuccess()
        try notebook.git(in: project, "commit", "-q", "-m", "app").requireSuccess()
        return project
    }

    @Test func outsideAnyNotebookEveryCommandFailsAndWritesNothing() throws {
        let notebook = try TemporaryNotebook()
        let folder = notebook.base.appendingPathComponent("somewhere")
        try notebook.write(folder.appendingPathComponent("readme.md"), bytes: Array("---\nkind: day\n---\nhello\n".utf8))
        try notebook.write(folder.appendingPathComponent("sub/days/2026/2026-11-22.md"), bytes: Array("---\nkind: day\n---\nhello\n".utf8))
        let before = try Self.tree(notebook.base)
        #expect(before.count > 4, "the tree must list what is there: \(before.keys)")
        for directory in [folder, folder.appendingPathComponent("sub/days")] {
            for arguments in Self.commands {
                let result = try notebook.hearth(arguments, in: directory)
                #expect(result.status == 1, "\(arguments): \(result)")
                #expect(result.stderr == Self.notInNotebook(directory), "\(arguments): \(result)")
                #expect(result.stdout.isEmpty, "\(arguments): \(result)")
            }
        }
        #expect(try Self.tree(notebook.base) == before)
    }

    @Test func aCodeRepositoryIsNotANotebookAndStaysAsItWas() throws {
        let notebook = try TemporaryNotebook()
        let project = try Self.project(notebook, ["Package.swift": "// swift-tools-version:6.0\n", "Sources/App/main.swift": "print(\"hi\")\n",
                                                   "README.md": "# App\n"])
        let head = try notebook.git(in: project, "rev-parse", "HEAD").stdout
        let before = try Self.tree(project)
        let sources = project.appendingPathComponent("Sources/App")
        for directory in [project, sources] {
            for arguments in [["today", "--no-edit"], ["sync"], ["done", "ship", "x"], ["list"], ["status"]] {
                let result = try notebook.hearth(arguments, in: directory)
                #expect(result.status == 1, "\(arguments): \(result)")
                #expect(result.stderr == Self.notInNotebook(directory), "\(arguments): \(result)")
            }
        }
        #expect(try notebook.git(in: project, "rev-parse", "HEAD").stdout == head)
        #expect(try notebook.git(in: project, "status", "--porcelain", "--untracked-files=all").stdout == "")
        #expect(try Self.tree(project) == before)
    }

    /// A code project inside a notebook folder is its own world: the walk up stops at its root.
    @Test func aRepositoryInsideANotebookFolderIsNotPartOfIt() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let project = notebook.url("code/project")
        try notebook.write("code/project/main.swift", "print(1)\n")
        try notebook.git(in: project, "init", "-q").requireSuccess()
        let result = try notebook.hearth("today", "--no-edit", in: project)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "hearth: error: not in a notebook (no hearth.yaml in \(project.path) or above inside the git repository \(project.path); "
                + "the notebook at \(notebook.root.path) does not take in a repository within it); run hearth init, or use -C DIR\n", "\(result)")
        #expect(!notebook.exists("code/project/days"))
        #expect(!notebook.exists("days"))
        let fromCode = try notebook.hearth("today", "--no-edit", in: notebook.url("code"))
        #expect(fromCode.status == 0 && fromCode.stdout == "../days/2026/2026-11-22.md\n", "\(fromCode)")
    }

    @Test func fromADeepSubfolderEntriesGoToTheNotebookRoot() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/projects/deep/a.md", "---\ntitle: A\n---\n")
        let deep = notebook.url("notes/projects/deep")
        for arguments in [["today", "--no-edit"], ["done", "ship", "from deep"], ["jot", "a line"]] {
            let result = try notebook.hearth(arguments, in: deep)
            // Relative to where you stand, so that it opens from there.
            #expect(result.status == 0 && result.stdout == "../../../days/2026/2026-11-22.md\n", "\(arguments): \(result)")
        }
        #expect(try notebook.text("days/2026/2026-11-22.md").contains("- ship: from deep"))
        let sync = try notebook.hearth("sync", in: deep)
        #expect(sync.status == 0, "\(sync)")
        #expect(try notebook.git("status", "--porcelain").stdout == "")
        #expect(!FileManager.default.fileExists(atPath: deep.appendingPathComponent("days").path))
    }

    /// hearth.yaml in a subfolder of another repository makes that subfolder a notebook of files:
    /// local commands work there, and sync refuses rather than commit into the enclosing repository.
    @Test func aNotebookFolderInsideAnotherRepositoryNeverCommitsToIt() throws {
        let notebook = try TemporaryNotebook()
        let project = try Self.project(notebook, ["main.swift": "print(1)\n", "docs/journal/hearth.yaml": "version: 1\n"])
        let head = try notebook.git(in: project, "rev-parse", "HEAD").stdout
        let journal = project.appendingPathComponent("docs/journal")
        let today = try notebook.hearth("today", "--no-edit", in: journal)
        #expect(today.status == 0 && today.stdout == "days/2026/2026-11-22.md\n", "\(today)")
        #expect(FileManager.default.fileExists(atPath: journal.appendingPathComponent("days/2026/2026-11-22.md").path))
        let index = try Data(contentsOf: project.appendingPathComponent(".git/index"))
        let sync = try notebook.hearth("sync", in: journal)
        #expect(sync.status == 1, "\(sync)")
        #expect(sync.stderr.contains(journal.path), "\(sync)")
        for arguments in [["sync"], ["status"], ["log"]] {
            let result = try notebook.hearth(arguments, in: journal)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("the notebook at \(journal.path) has no git repository of its own")
                    && result.stderr.contains("hearth init") && !result.stderr.contains("could not find repository"), "\(arguments): \(result)")
        }
        #expect(try notebook.git(in: project, "rev-parse", "HEAD").stdout == head)
        #expect(try Data(contentsOf: project.appendingPathComponent(".git/index")) == index)
        #expect(try notebook.git(in: project, "status", "--porcelain").stdout == "?? docs/journal/days/\n")
        #expect(!FileManager.default.fileExists(atPath: journal.appendingPathComponent(".git").path))
    }

    /// A hearth.yaml in the home folder is taken only there, not from every folder below it.
    @Test func aHearthYAMLInHomeIsNotPickedUpFromBelow() throws {
        let notebook = try TemporaryNotebook()
        try notebook.write(notebook.home.appendingPathComponent("hearth.yaml"), bytes: Array("version: 1\n".utf8))
        let downloads = notebook.home.appendingPathComponent("Downloads")
        try notebook.write(downloads.appendingPathComponent("x.md"), bytes: Array("---\nkind: note\n---\n".utf8))
        let below = try notebook.hearth("list", in: downloads)
        #expect(below.status == 1, "\(below)")
        #expect(below.stderr == "hearth: error: not in a notebook (no hearth.yaml in \(downloads.path) or above; the one in \(notebook.home.path) counts only there, "
                + "as it would take in every folder below); use -C \(notebook.home.path), or make it the default notebook: "
                + "git config --global hearth.notebook \(notebook.home.path)\n", "\(below)")
        let named = try notebook.hearth("list", "--json", in: downloads, environment: ["HEARTH_NOTEBOOK": notebook.home.path])
        #expect(named.status == 0 && named.stdout.contains("Downloads/x.md"), "\(named)")
        let there = try notebook.hearth("list", "--json", in: notebook.home)
        #expect(there.status == 0 && there.stdout.contains("Downloads/x.md"), "\(there)")
    }
}

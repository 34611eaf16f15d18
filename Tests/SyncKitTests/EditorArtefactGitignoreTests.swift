import Foundation
import NoteKit
import SyncKit
import TestSupport
import Testing

/// The `.gitignore` that `hearth init` writes and the rule the snapshot applies
/// (``EditorArtefact``) agree: git itself ignores exactly the files the rule calls artefacts.
@Suite struct EditorArtefactGitignoreTests {
    /// Artefacts, each as its program leaves it.
    static let artefacts = [
        ".2026-12-06.md.swp", "days/2026/.2026-12-06.md.swo", "days/2026/.2026-12-06.md.swx", "notes/.a.md.swa",
        "days/2026/4913", "days/2026/2026-12-06.md~", ".#x.md", "notes/#x.md#", ".idea/workspace.xml",
        "notes/.vscode/settings.json", ".DS_Store", "days/._2026-12-06.md", "Thumbs.db", "attachments/~$report.docx",
        ".~lock.report.odt#", ".obsidian/workspace.json", ".obsidian/workspace-mobile.json", ".obsidian/workspaces.json",
        ".obsidian/cache/entries.json", "drafts~/2026-12-06.md~", "4913/4913", "#x#/.a.md.swp",
    ]
    /// Notes and settings that look like artefacts.
    static let lookAlikes = [
        "notes~draft.md", "#tag.md", "days/2026/x.md", "x.swp", ".swp", "notes/.x.md.swq", ".x.md.swpx", "49130",
        "4913.md", "~report.docx", ".obsidian/app.json", ".obsidian/plugins/cache/data.json",
        "notes/.obsidian/workspace.json", "templates/workspace.json",
        // Folders named like artefacts: the rule looks at a file's own name, so their notes sync.
        "drafts~/a.md", "#x#/a.md", "4913/a.md", ".#x/a.md", "._x/a.md", "~$x/a.md", "notes/.DS_Store/a.md",
        "notes/Thumbs.db/a.md", ".x.md.swp/a.md", ".~lock.x#/a.md", "notes/old~/deep~/a.md", ".obsidian/workspace-old.json/a.md",
    ]

    @Test func gitIgnoresWhatTheRuleSkipsAndNothingElse() throws {
        try Sandbox.with { box in
            _ = try NotebookSetup.initialize(at: box.root, device: "laptop")
            for path in Self.artefacts + Self.lookAlikes { try box.write(path, "content of \(path)\n") }
            let git = box.git
            let listed = { (arguments: [String]) throws -> Set<String> in
                let output = try git.run(["ls-files", "-z", "--others", "--exclude-standard"] + arguments)
                #expect(output.status == 0, "\(output)")
                return Set(output.stdout.split(separator: "\0").map(String.init))
            }
            // --directory off: ignored files are listed one by one.
            #expect(try listed(["--ignored"]) == Set(Self.artefacts))
            #expect(try listed([]) == Set(Self.lookAlikes))
            for path in Self.artefacts { #expect(EditorArtefact.isArtefact(path: path), "\(path)") }
            for path in Self.lookAlikes { #expect(!EditorArtefact.isArtefact(path: path), "\(path)") }
        }
    }

    /// `hearth init` commits what is there through git's own staging, which only `.gitignore`
    /// restrains: an artefact a nested `.gitignore` lets through, or one tracked before, is still
    /// never committed.
    @Test func initCommitsNoArtefactEvenWhereTheGitignoreLetsItThrough() throws {
        try Sandbox.with { box in
            let git = box.git
            try git("init", "-q", "-b", "main")
            try box.write(".DS_Store", "tracked before\n")
            try box.write("notes/a.md", "a\n")
            try git.commitAll("by hand")
            try box.write(".DS_Store", "changed by Finder\n")
            try box.write("notes/.gitignore", "!*~\n!.*.sw[a-px]\n")
            try box.write("notes/a.md~", "a backup\n")
            try box.write("notes/.a.md.swp", "b0VIM 9.0\n")
            try box.write("notes/b.md", "b\n")

            let outcome = try NotebookSetup.initialize(at: box.root, device: "laptop")
            #expect(outcome.commit != nil)
            let tree = try git("ls-tree", "-r", "--name-only", "HEAD").split(separator: "\n").map(String.init)
            #expect(tree == [".DS_Store", ".gitignore", "hearth.yaml", "notes/.gitignore", "notes/a.md", "notes/b.md"], "\(tree)")
            #expect(try git("show", "HEAD:.DS_Store") == "tracked before")
            #expect(try box.read(".DS_Store") == Data("changed by Finder\n".utf8))
            #expect(try box.read("notes/.a.md.swp") == Data("b0VIM 9.0\n".utf8))
            // Not staged either: a later git commit would not take them by surprise.
            #expect(try git("diff", "--cached", "--name-only") == "")
        }
    }
}

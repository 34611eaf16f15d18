import Foundation
import TestSupport
import Testing

/// A folder named like an editor artefact (`drafts~/`, `#x#/`) holds notes that sync: the
/// artefact rule looks only at a file's own name, and the `.gitignore` hearth init writes agrees.
/// A notebook whose older `.gitignore` still drops such folders is reported by `hearth check`.
@Suite struct ArtefactNamedFolderTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let notes = ["drafts~/plan.md", "#x#/idea.md"]

    func files(_ listed: ProcessResult) throws -> Set<String> {
        try listed.requireSuccess()
        return Set(listed.stdout.split(separator: "\n").map(String.init))
    }

    @Test func notesInFoldersNamedLikeArtefactsReachTheRemoteAndAPlainClone() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        for path in Self.notes { try notebook.write(path, "---\ntitle: \(path)\n---\nwritten in \(path)\n") }
        try notebook.write("drafts~/plan.md~", "vim backup\n")
        try notebook.write("#x#/4913", "")
        let listed = try notebook.hearth("list")
        #expect(listed.status == 0 && Self.notes.allSatisfy { listed.stdout.contains($0) }, "\(listed)")
        try notebook.hearth("sync").requireSuccess()

        let remote = try files(notebook.git(in: devices.remote, "ls-tree", "-r", "--name-only", "main"))
        #expect(remote.isSuperset(of: Self.notes), "\(remote)")
        #expect(remote.isDisjoint(with: ["drafts~/plan.md~", "#x#/4913"]), "\(remote)")
        let clone = notebook.base.appendingPathComponent("plain")
        try notebook.git("clone", "-q", devices.remote.path, clone.path).requireSuccess()
        for path in Self.notes {
            let text = String(decoding: try Data(contentsOf: clone.appendingPathComponent(path)), as: UTF8.self)
            #expect(text.contains("written in \(path)"), "\(path): \(text)")
        }
        let check = try notebook.hearth("check")
        #expect(check.status == 0 && !check.stdout.contains("ignores"), "\(check)")
    }

    @Test func checkNamesTheOldGitignoreLineThatDropsAFolderAndInitAgainLetsItThrough() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // The .gitignore an older hearth init wrote: the patterns without the folder re-includes.
        let old = try notebook.text(".gitignore").split(separator: "\n").filter { !$0.hasPrefix("!") }
        try notebook.write(".gitignore", old.joined(separator: "\n") + "\n")
        let backupLine = try #require(old.firstIndex(of: "*~")) + 1
        try notebook.write("drafts~/plan.md", "---\ntitle: plan\n---\nthe plan\n")
        // Tracked despite the rule (added by force): it syncs, so nothing to warn about.
        try notebook.write("kept~/old.md", "---\ntitle: old\n---\nkept\n")
        try notebook.git("add", "-f", "kept~/old.md").requireSuccess()
        try notebook.git("commit", "-qm", "forced").requireSuccess()

        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("drafts~/plan.md: warning: git ignores this entry, so it never syncs: .gitignore line \(backupLine) (*~) matches the folder drafts~/"), "\(check)")
        #expect(check.stdout.contains("hearth init") && !check.stdout.contains("kept~"), "\(check)")

        try notebook.hearth("init", ".").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        #expect(try files(notebook.git("ls-tree", "-r", "--name-only", "HEAD")).contains("drafts~/plan.md"))
        let again = try notebook.hearth("check")
        #expect(again.status == 0 && !again.stdout.contains("ignores"), "\(again)")
    }
}

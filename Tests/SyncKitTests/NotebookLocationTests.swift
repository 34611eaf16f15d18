import Foundation
import TestSupport
import NoteKit
import SyncKit
import Testing

@Suite("NotebookLocation.notebook(containing:)")
struct NotebookLocationTests {
    /// The temporary folder must not itself be inside a git work tree, or "plain folder" means nothing.
    func requireOutsideGit(_ box: Sandbox) throws {
        let probe = try box.git.run(["rev-parse", "--show-toplevel"])
        try #require(probe.status != 0, "the temporary folder is inside a git work tree: \(probe.stdout)")
    }

    @Test func subfolderOfARepositoryFindsTheRoot() throws {
        try Sandbox.with { box in
            try box.git("init", "-q", "-b", "main")
            let sub = box.root.appending(path: "days/2026", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            #expect(NotebookLocation.notebook(containing: sub).root.path == box.root.path)
            #expect(NotebookLocation.notebook(containing: box.root).root.path == box.root.path)
        }
    }

    @Test func subfolderOfAnInitializedNotebookFindsTheRoot() throws {
        try Sandbox.with { box in
            _ = try NotebookSetup.initialize(at: box.root, device: "laptop")
            let sub = box.root.appending(path: "notes/ideas", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let notebook = NotebookLocation.notebook(containing: sub)
            #expect(notebook.root.path == box.root.path)
            #expect(notebook.exists("hearth.yaml"))
        }
    }

    @Test func plainFolderIsItsOwnRoot() throws {
        try Sandbox.with { box in
            try requireOutsideGit(box)
            let sub = box.root.appending(path: "notes", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            #expect(NotebookLocation.notebook(containing: box.root).root.path == box.root.path)
            #expect(NotebookLocation.notebook(containing: sub).root.path == sub.path)
        }
    }

    @Test func repositoryBelowAPlainFolderIsNotUsedFromAbove() throws {
        try Sandbox.with { box in
            try requireOutsideGit(box)
            let inner = box.root.appending(path: "inner", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            try GitCLI(directory: inner, home: box.home)("init", "-q")
            #expect(NotebookLocation.notebook(containing: box.root).root.path == box.root.path)
            #expect(NotebookLocation.notebook(containing: inner).root.path == inner.path)
        }
    }
}

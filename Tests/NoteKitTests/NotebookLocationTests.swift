import Foundation
import NoteKit
import TestSupport
import Testing

@Suite("NotebookLocation")
struct NotebookLocationTests {
    /// The temporary folder must not itself be inside a git work tree or a notebook, or "outside"
    /// means nothing.
    func requireOutside(_ box: Sandbox) throws {
        let probe = try box.git.run(["rev-parse", "--show-toplevel"])
        try #require(probe.status != 0, "the temporary folder is inside a git work tree: \(probe.stdout)")
        var folder = box.root
        while folder.path != "/" {
            try #require(!FileManager.default.fileExists(atPath: folder.appending(path: "hearth.yaml").path), "hearth.yaml in \(folder.path)")
            folder = folder.deletingLastPathComponent()
        }
    }

    func folder(_ box: Sandbox, _ path: String) throws -> URL {
        let url = box.root.appending(path: path, directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func root(_ directory: URL, home: URL? = nil) throws -> String {
        try NotebookLocation.notebook(containing: directory, home: home).root.path
    }

    func expectNotInNotebook(_ directory: URL, home: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: NotebookLocationError.notInNotebook(directory: directory.path), sourceLocation: sourceLocation) {
            try NotebookLocation.notebook(containing: directory, home: home)
        }
    }

    @Test func subfolderOfAnInitializedNotebookFindsTheRoot() throws {
        try Sandbox.with { box in
            // What `hearth init` leaves that the walk looks at: a repository with the settings.
            try box.git("init", "-q", "-b", "main")
            try box.write("hearth.yaml", "version: 1\n")
            let sub = try folder(box, "notes/ideas")
            #expect(try root(sub) == box.root.path)
            #expect(try root(box.root) == box.root.path)
        }
    }

    @Test func aGitRepositoryWithoutSettingsIsNotANotebook() throws {
        try Sandbox.with { box in
            try requireOutside(box)
            try box.git("init", "-q", "-b", "main")
            let sub = try folder(box, "Sources/app")
            expectNotInNotebook(sub)
            expectNotInNotebook(box.root)
        }
    }

    @Test func aPlainFolderIsANotebookOnlyWithSettings() throws {
        try Sandbox.with { box in
            try requireOutside(box)
            let sub = try folder(box, "notes")
            expectNotInNotebook(sub)
            expectNotInNotebook(box.root)
            // A folder named hearth.yaml is not the settings file.
            _ = try folder(box, "notes/hearth.yaml")
            expectNotInNotebook(sub)
            try box.write("hearth.yaml", "version: 1\n")
            #expect(try root(sub) == box.root.path)
        }
    }

    /// A code project inside a notebook folder is not part of the notebook: the walk stops at the
    /// root of the repository it starts in.
    @Test func theWalkStopsAtTheRootOfARepository() throws {
        try Sandbox.with { box in
            try requireOutside(box)
            try box.write("hearth.yaml", "version: 1\n")
            let project = try folder(box, "code/project")
            try GitCLI(directory: project, home: box.home)("init", "-q")
            let sources = try folder(box, "code/project/Sources")
            for directory in [sources, project] {
                #expect(throws: NotebookLocationError.insideRepository(directory: directory.path, repository: project.path, notebook: box.root.path)) {
                    try NotebookLocation.notebook(containing: directory, home: nil)
                }
            }
            #expect(try root(box.root.appending(path: "code", directoryHint: .isDirectory)) == box.root.path)
        }
    }

    /// hearth.yaml in a subfolder of a repository makes that subfolder the notebook root (not the
    /// repository's root, which sync would have committed to).
    @Test func settingsInASubfolderOfARepositoryMakeThatSubfolderTheRoot() throws {
        try Sandbox.with { box in
            try requireOutside(box)
            try box.git("init", "-q", "-b", "main")
            try box.write("docs/notes/hearth.yaml", "version: 1\n")
            let days = try folder(box, "docs/notes/days")
            #expect(try root(days) == box.root.appending(path: "docs/notes").path)
            expectNotInNotebook(box.root.appending(path: "docs", directoryHint: .isDirectory))
        }
    }

    @Test func settingsInTheHomeFolderAreOnlyUsedFromThere() throws {
        try Sandbox.with { box in
            try requireOutside(box)
            try box.write("hearth.yaml", "version: 1\n")
            let downloads = try folder(box, "Downloads")
            for home in [box.root, URL(fileURLWithPath: box.root.path + "/")] {
                #expect(throws: NotebookLocationError.belowCeilingNotebook(directory: downloads.path, notebook: box.root.path), "\(home.path)") {
                    try NotebookLocation.notebook(containing: downloads, home: home)
                }
            }
            #expect(try root(box.root, home: box.root) == box.root.path)
            #expect(try root(downloads, home: box.home) == box.root.path, "any other folder above counts")
        }
    }

    // MARK: - The default notebook

    /// Two notebooks, A and B, side by side, and a folder outside both.
    func twoNotebooks(_ box: Sandbox) throws -> (a: URL, b: URL, outside: URL) {
        try requireOutside(box)
        let a = try folder(box, "a")
        let b = try folder(box, "b")
        try box.write("a/hearth.yaml", "version: 1\n")
        try box.write("b/hearth.yaml", "version: 1\n")
        return (a, b, try folder(box, "outside"))
    }

    func located(_ directory: URL, named: Bool = false, _ environment: [String: String],
                 config: String? = nil) throws(NotebookLocationError) -> String {
        try NotebookLocation.notebook(for: directory, directoryNamed: named, environment: environment,
                                      configuredNotebook: { config }).root.path
    }

    @Test func environmentWinsOverConfigOutsideANotebook() throws {
        try Sandbox.with { box in
            let (a, b, outside) = try twoNotebooks(box)
            #expect(try located(outside, ["HEARTH_NOTEBOOK": b.path], config: a.path) == b.path)
            #expect(try located(outside, [:], config: a.path) == a.path)
            #expect(try located(outside, ["HEARTH_NOTEBOOK": ""], config: a.path) == a.path, "an empty variable counts as unset")
            #expect(try located(outside, ["HEARTH_NOTEBOOK": "~/b", "HOME": box.root.path]) == b.path)
        }
    }

    @Test func theNotebookYouStandInWinsOverTheDefault() throws {
        try Sandbox.with { box in
            let (a, b, _) = try twoNotebooks(box)
            let sub = try folder(box, "a/days")
            #expect(try located(sub, ["HEARTH_NOTEBOOK": b.path], config: b.path) == a.path)
        }
    }

    @Test func aNamedFolderNeverFallsBackToTheDefault() throws {
        try Sandbox.with { box in
            let (_, b, outside) = try twoNotebooks(box)
            #expect(throws: NotebookLocationError.notInNotebook(directory: outside.path)) {
                try located(outside, named: true, ["HEARTH_NOTEBOOK": b.path], config: b.path)
            }
        }
    }

    @Test func gitConfigIsNotReadWhenTheWalkFindsANotebook() throws {
        try Sandbox.with { box in
            let (a, _, outside) = try twoNotebooks(box)
            var reads = 0
            let config = { () throws -> String? in
                reads += 1
                return a.path
            }
            _ = try NotebookLocation.notebook(for: a, directoryNamed: false, environment: [:], configuredNotebook: config)
            #expect(reads == 0)
            #expect(try NotebookLocation.notebook(for: outside, directoryNamed: false, environment: [:], configuredNotebook: config).root.path == a.path)
            #expect(reads == 1, "the probe must count a read")
        }
    }

    @Test func aDefaultThatIsNotANotebookNamesItsSource() throws {
        try Sandbox.with { box in
            let (_, _, outside) = try twoNotebooks(box)
            #expect(throws: NotebookLocationError.defaultNotANotebook(path: outside.path, source: .environment)) {
                try located(outside, ["HEARTH_NOTEBOOK": outside.path])
            }
            #expect(throws: NotebookLocationError.defaultNotANotebook(path: outside.path, source: .gitConfig)) {
                try located(outside, [:], config: outside.path + "/")
            }
            #expect(throws: NotebookLocationError.unusableDefault(value: "b", source: .environment, reason: "it is not an absolute path")) {
                try located(outside, ["HEARTH_NOTEBOOK": "b"])
            }
            // A subfolder of a notebook is not the notebook a setting must name.
            let sub = try folder(box, "b/days")
            #expect(throws: NotebookLocationError.defaultNotANotebook(path: sub.path, source: .environment)) {
                try located(outside, ["HEARTH_NOTEBOOK": sub.path])
            }
            let error = NotebookLocationError.defaultNotANotebook(path: outside.path, source: .gitConfig)
            #expect(error.description.contains("hearth.notebook in the global git config"))
            #expect(error.description.contains(outside.path))
        }
    }

    @Test func noDefaultLeavesTheNotInANotebookError() throws {
        try Sandbox.with { box in
            let (_, _, outside) = try twoNotebooks(box)
            #expect(throws: NotebookLocationError.notInNotebook(directory: outside.path)) { try located(outside, [:]) }
            #expect(NotebookLocationError.notInNotebook(directory: outside.path).description
                == "not in a notebook (no hearth.yaml in \(outside.path) or above)")
        }
    }
}

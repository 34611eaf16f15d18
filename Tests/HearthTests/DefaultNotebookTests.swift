import Foundation
import TestSupport
import Testing

/// The default notebook (`HEARTH_NOTEBOOK`, or `git config --global hearth.notebook`) lets every
/// command run from any folder; `-C` wins over both, the environment over config, and the
/// notebook you stand in over any default.
@Suite struct DefaultNotebookTests {
    /// Two initialized notebooks `a` and `b` and a folder `outside` (no notebook), with the day in each
    /// notebook saying which one it is.
    struct World {
        let notebook: TemporaryNotebook
        let a: URL
        let b: URL
        let outside: URL

        init() throws {
            notebook = try TemporaryNotebook()
            a = notebook.base.appendingPathComponent("a")
            b = notebook.base.appendingPathComponent("b")
            outside = notebook.base.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            for name in ["a", "b"] {
                try notebook.hearth("init", name, "--device", "laptop", in: notebook.base).requireSuccess()
                try notebook.write(notebook.base.appendingPathComponent("\(name)/days/2026/2026-11-20.md"),
                                   bytes: Array("---\nkind: day\ndate: 2026-11-20\n---\nin \(name)\n".utf8))
            }
        }

        /// Sets `hearth.notebook` in the private HOME's global git config.
        func configure(_ folder: URL) throws {
            try notebook.git(in: notebook.base, "config", "--global", "hearth.notebook", folder.path).requireSuccess()
        }

        /// Which notebook `hearth show 2026-11-20` read, run in `directory`.
        func shown(in directory: URL, _ prefix: [String] = [], environment: [String: String] = [:]) throws -> String {
            let result = try notebook.hearth(prefix + ["show", "2026-11-20"], in: directory, environment: environment)
            #expect(result.status == 0, "\(result)")
            return result.stdout.contains("in a") ? "a" : result.stdout.contains("in b") ? "b" : "neither: \(result)"
        }
    }

    @Test func theEnvironmentVariableWorksFromAnyFolder() throws {
        let world = try World()
        let env = ["HEARTH_NOTEBOOK": world.b.path]
        // Outside the notebook a printed path is absolute: it opens the file from here.
        let absolute = world.b.resolvingSymlinksInPath().path + "/days/2026/2026-11-22.md"
        for arguments in [["today", "--no-edit"], ["done", "ship", "from outside"], ["jot", "noted"]] {
            let result = try world.notebook.hearth(arguments, in: world.outside, environment: env)
            #expect(result.status == 0 && result.stdout == absolute + "\n", "\(arguments): \(result)")
        }
        let edit = try world.notebook.hearth("edit", "today", "--no-edit", in: world.outside, environment: env)
        #expect(edit.stdout == absolute + "\n", "\(edit)")
        let day = try String(contentsOf: world.b.appendingPathComponent("days/2026/2026-11-22.md"), encoding: .utf8)
        #expect(day.contains("- ship: from outside"))
        let list = try world.notebook.hearth("list", in: world.outside, environment: env)
        #expect(list.stdoutLines.contains { $0.hasSuffix(" " + absolute) }, "\(list)")
        let json = try world.notebook.hearth("list", "--json", in: world.outside, environment: env)
        #expect(json.stdout.contains("\"days/2026/2026-11-22.md\""), "JSON keeps the notebook-relative path: \(json)")
        let review = try world.notebook.hearth("review", in: world.outside, environment: env)
        #expect(review.status == 0, "\(review)")
        // A path names a file of the default notebook, relative to its root.
        let show = try world.notebook.hearth("show", "days/2026/2026-11-20.md", in: world.outside, environment: env)
        #expect(show.status == 0 && show.stdout.contains("in b"), "\(show)")
        #expect(try world.notebook.hearth("sync", in: world.outside, environment: env).status == 0)
        #expect(try world.notebook.git(in: world.b, "status", "--porcelain").stdout == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.outside.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: world.a.appendingPathComponent("days/2026/2026-11-22.md").path))
    }

    /// Inside the notebook a printed path is relative to the folder you stand in.
    @Test func pathsPrintedInsideTheNotebookAreRelativeToTheCurrentFolder() throws {
        let world = try World()
        let days = world.a.appendingPathComponent("days")
        let notes = world.a.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for (folder, expected) in [(world.a, "days/2026/2026-11-22.md"), (days, "2026/2026-11-22.md"), (notes, "../days/2026/2026-11-22.md")] {
            let today = try world.notebook.hearth("today", "--no-edit", in: folder)
            #expect(today.stdout == expected + "\n", "\(folder.lastPathComponent): \(today)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(expected).path))
            let list = try world.notebook.hearth("list", in: folder)
            #expect(list.stdoutLines.contains { $0.hasSuffix(" " + expected) }, "\(list)")
        }
    }

    @Test func globalGitConfigWorksAndTheEnvironmentWinsOverIt() throws {
        let world = try World()
        try world.configure(world.a)
        #expect(try world.shown(in: world.outside) == "a")
        #expect(try world.shown(in: world.outside, environment: ["HEARTH_NOTEBOOK": world.b.path]) == "b")
        #expect(try world.shown(in: world.outside, environment: ["HEARTH_NOTEBOOK": ""]) == "a", "an empty variable counts as unset")
        let today = try world.notebook.hearth("today", "--no-edit", in: world.outside)
        #expect(today.status == 0, "\(today)")
        #expect(FileManager.default.fileExists(atPath: world.a.appendingPathComponent("days/2026/2026-11-22.md").path))
    }

    @Test func dashCWinsOverEnvironmentAndConfigAndNeverFallsBack() throws {
        let world = try World()
        try world.configure(world.b)
        let env = ["HEARTH_NOTEBOOK": world.b.path]
        #expect(try world.shown(in: world.outside, ["-C", world.a.path], environment: env) == "a")
        #expect(try world.shown(in: world.outside, ["-C", "../a/days"], environment: env) == "a")
        let after = try world.notebook.hearth(["show", "2026-11-20", "-C", world.a.path], in: world.outside, environment: env)
        #expect(after.status == 0 && after.stdout.contains("in a"), "\(after)")
        for arguments in [["-C", world.outside.path, "list"], ["list", "-C", world.outside.path]] {
            let named = try world.notebook.hearth(arguments, in: world.notebook.base, environment: env)
            #expect(named.status == 1, "\(arguments): \(named)")
            #expect(named.stderr == NotebookDiscoveryTests.notInNotebook(world.outside), "\(arguments): \(named)")
        }
    }

    @Test func theNotebookYouStandInWinsOverTheDefault() throws {
        let world = try World()
        try world.configure(world.b)
        let days = world.a.appendingPathComponent("days")
        #expect(try world.shown(in: days, environment: ["HEARTH_NOTEBOOK": world.b.path]) == "a")
        #expect(try world.shown(in: world.a) == "a")
    }

    @Test func aDefaultThatIsNotANotebookSaysWhereItWasSet() throws {
        let world = try World()
        let fromEnvironment = try world.notebook.hearth("today", "--no-edit", in: world.outside,
                                                        environment: ["HEARTH_NOTEBOOK": world.outside.path])
        #expect(fromEnvironment.status == 1, "\(fromEnvironment)")
        #expect(fromEnvironment.stderr == "hearth: error: the default notebook \(world.outside.path) (set by HEARTH_NOTEBOOK) is not a notebook "
                + "(no hearth.yaml there); run hearth init \(world.outside.path), or set HEARTH_NOTEBOOK to a notebook's folder\n", "\(fromEnvironment)")
        let missing = world.notebook.base.appendingPathComponent("gone")
        try world.configure(missing)
        let fromConfig = try world.notebook.hearth("list", in: world.outside)
        #expect(fromConfig.status == 1, "\(fromConfig)")
        #expect(fromConfig.stderr.contains("the default notebook \(missing.path) (set by hearth.notebook in the global git config) is not a notebook"),
                "\(fromConfig)")
        #expect(fromConfig.stderr.contains("git config --global hearth.notebook DIR"), "\(fromConfig)")
        let relative = try world.notebook.hearth("list", in: world.outside, environment: ["HEARTH_NOTEBOOK": "a"])
        #expect(relative.status == 1 && relative.stderr.contains("'a' (set by HEARTH_NOTEBOOK) cannot be used: it is not an absolute path"),
                "\(relative)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.outside.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    /// `~/` in the git config (as `git config --global hearth.notebook ~/journal` stores it when quoted).
    @Test func aTildeInTheConfigMeansHome() throws {
        let world = try World()
        try world.notebook.hearth("init", world.notebook.home.appendingPathComponent("journal").path, "--device", "laptop",
                                  in: world.notebook.base).requireSuccess()
        try world.notebook.git(in: world.notebook.base, "config", "--global", "hearth.notebook", "~/journal").requireSuccess()
        let today = try world.notebook.hearth("today", "--no-edit", in: world.outside)
        #expect(today.status == 0, "\(today)")
        #expect(FileManager.default.fileExists(atPath: world.notebook.home.appendingPathComponent("journal/days/2026/2026-11-22.md").path))
    }
}

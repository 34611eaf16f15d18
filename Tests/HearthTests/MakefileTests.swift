import Foundation
import TestSupport
import Testing

/// Which Debian packages each make target installs: `make install`, `build` and `demo` pull only
/// what building (and the demo) needs, `make test` everything the tests run.
///
/// The real Makefile runs with `dpkg-query` answering "not installed" for every package and an
/// `apt-get` that writes down what it was asked to install; `swift` fails at once, so nothing is
/// built and the recipes stop right after their dependencies.
struct MakefileTests {
    static let build: Set = ["libgit2-dev", "pkg-config", "python3"]
    static let demo = build.union(["git"])
    static let everything = demo.union(["openssh-server", "openssl", "zsh", "fish", "groff-base", "man-db", "vim", "nano", "tmux"])

    /// The packages `make TARGET` asked apt-get to install.
    private func installed(by target: String) throws -> Set<String> {
        let notebook = try TemporaryNotebook()
        let fake = notebook.base.appendingPathComponent("bin")
        let log = notebook.base.appendingPathComponent("apt-get.log")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        for (name, script) in [("dpkg-query", "exit 1"), ("swift", "exit 1"),
                               ("apt-get", "echo \"$*\" >> '\(log.path)'")] {
            let url = fake.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(script)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        let make = try #require(CompletionInstall.which("make"), "make is not installed")
        var environment = notebook.environment()
        environment["PATH"] = fake.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let destdir = notebook.base.appendingPathComponent("dest").path
        let result = try ProcessRunner.run(make, ["-C", CompletionInstall.repository.path, target, "SUDO=", "DESTDIR=" + destdir],
                                           in: notebook.base, environment: environment)
        // The fake swift fails the first step after the dependencies.
        #expect(result.status != 0 && result.stdout.contains("swift"), "\(result)")
        let calls = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        var packages: Set<String> = []
        for call in calls.split(separator: "\n") {
            let words = call.split(separator: " ").map(String.init)
            guard words.first == "install" else {
                #expect(words == ["update", "-qq"], "\(call)")
                continue
            }
            packages.formUnion(words.dropFirst().filter { !$0.hasPrefix("-") })
        }
        return packages
    }

    @Test(arguments: ["install", "build", "all"])
    func buildingInstallsOnlyWhatTheBuildNeeds(target: String) throws {
        #expect(try installed(by: target) == Self.build)
    }

    @Test func theDemoAddsGit() throws {
        #expect(try installed(by: "demo") == Self.demo)
    }

    @Test(arguments: ["test", "test-stress"])
    func testingInstallsEverything(target: String) throws {
        #expect(try installed(by: target) == Self.everything)
    }
}

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
    static let build: Set = ["libgit2-dev", "pkg-config"]
    static let demo = build.union(["git", "python3"])
    static let everything = demo.union(["openssh-server", "openssl", "zsh", "fish", "groff-base", "man-db", "vim", "nano", "tmux",
                                               "iproute2", "nftables", "ethtool", "chromium", "fonts-dejavu-core",
                                               "exfatprogs", "exfat-fuse"])

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

    /// `make install` writes the man page with swift-argument-parser's GenerateManual plugin
    /// and gives it to the install script; nothing in it runs Python.
    @Test func installWritesTheManPageWithThePlugin() throws {
        let notebook = try TemporaryNotebook()
        let make = try #require(CompletionInstall.which("make"), "make is not installed")
        let result = try ProcessRunner.run(make, ["-n", "-C", CompletionInstall.repository.path, "install", "SUDO=", "DESTDIR=/nonexistent"],
                                           in: notebook.base, environment: notebook.environment())
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        let plugin = try #require(lines.firstIndex { $0.hasPrefix("swift package plugin generate-manual") }, "\(result.stdout)")
        let extras = try #require(lines.firstIndex { $0.hasPrefix("Scripts/install-extras.sh ") }, "\(result.stdout)")
        #expect(plugin < extras)
        #expect(lines[extras].contains("\".build/plugins/GenerateManual/outputs/hearth/hearth.1\""), "\(lines[extras])")
        #expect(!result.stdout.contains("python"), "\(result.stdout)")
    }

    @Test(arguments: ["test", "test-stress", "test-network"])
    func testingInstallsEverything(target: String) throws {
        #expect(try installed(by: target) == Self.everything)
    }
}

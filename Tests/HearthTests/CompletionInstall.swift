import Foundation
import TestSupport
import Testing

/// `Scripts/install-extras.sh` run with the debug `hearth` and its man page into a temporary
/// DESTROOT, as `make install` runs it with the release binary and the page the GenerateManual
/// plugin wrote, plus helpers to run the real shells on the installed files.
final class CompletionInstall {
    /// The temporary folder (its private HOME keeps fish and zsh from reading the user's files).
    let notebook: TemporaryNotebook
    /// `$(DESTDIR)$(PREFIX)`: where the script installed.
    let destroot: URL
    /// What the script printed and returned.
    let result: ProcessResult
    /// The man page given to the script.
    let page: URL

    /// The repository checkout, found from this file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The installed files, relative to `destroot`.
    static let bashCompletion = "share/bash-completion/completions/hearth"
    static let zshCompletion = "share/zsh/site-functions/_hearth"
    static let fishCompletion = "share/fish/vendor_completions.d/hearth.fish"
    static let manPage = "share/man/man1/hearth.1"

    /// Runs the install script; `binary` defaults to the built hearth, or to a shell script with
    /// the text `fakeBinary` when given. The man page is the one the GenerateManual plugin writes
    /// for the built hearth, or `givenPage`, or a file with the text `fakePage` when given.
    /// `prepare` gets DESTROOT first, to put things in the way.
    init(binary: URL? = nil, fakeBinary: String? = nil, givenPage: URL? = nil, fakePage: String? = nil,
         prepare: (URL) throws -> Void = { _ in }) throws {
        notebook = try TemporaryNotebook()
        destroot = notebook.base.appendingPathComponent("dest/usr/local", isDirectory: true)
        var given = binary
        if let fakeBinary {
            let fake = notebook.base.appendingPathComponent("fake-hearth")
            try Data(("#!/bin/sh\n" + fakeBinary).utf8).write(to: fake)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
            given = fake
        }
        try prepare(destroot)
        let built = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        if let givenPage {
            page = givenPage
        } else if let fakePage {
            page = notebook.base.appendingPathComponent("fake-hearth.1")
            try Data(fakePage.utf8).write(to: page)
        } else {
            page = try CompletionInstall.manual(of: built, into: notebook.base.appendingPathComponent("manual"), notebook: notebook)
        }
        let script = CompletionInstall.repository.appendingPathComponent("Scripts/install-extras.sh")
        result = try ProcessRunner.run(script, [(given ?? built).path, page.path, destroot.path], in: notebook.base,
                                       environment: CompletionInstall.environment(of: notebook))
    }

    /// The man page of `binary` as `swift package plugin generate-manual` writes it: the plugin
    /// builds the package and runs its tool, `generate-manual-tool BINARY --output-directory DIR`,
    /// which SwiftPM leaves next to the debug hearth. A test cannot run the plugin itself: the
    /// running `swift test` holds the build folder.
    static func manual(of binary: URL, into folder: URL, notebook: TemporaryNotebook) throws -> URL {
        let tool = binary.deletingLastPathComponent().appendingPathComponent("generate-manual-tool")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path),
                     "no \(tool.path); run `swift package plugin generate-manual --configuration debug` once (make test does)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let run = try ProcessRunner.run(tool, [binary.path, "--output-directory", folder.path], in: notebook.base, environment: notebook.environment())
        try #require(run.status == 0, "\(run)")
        return folder.appendingPathComponent("hearth.1")
    }

    /// An installed file's absolute path.
    func path(_ relative: String) -> String { destroot.appendingPathComponent(relative).path }

    /// The test environment with the built hearth first on PATH, as an installed one would be.
    static func environment(of notebook: TemporaryNotebook) -> [String: String] {
        var environment = notebook.environment()
        if let directory = HearthBinary.url?.deletingLastPathComponent().path {
            environment["PATH"] = directory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        }
        return environment
    }

    /// Runs `shell` (found on PATH) with `arguments`; a missing shell fails the test, saying how to
    /// install it (`make test` installs zsh and fish through the Makefile's TEST_PACKAGES).
    func run(_ shell: String, _ arguments: [String]) throws -> ProcessResult {
        let executable = try #require(CompletionInstall.which(shell),
                                      "\(shell) is not installed; `make test-deps` installs it (TEST_PACKAGES), or apt-get install \(shell)")
        return try ProcessRunner.run(executable, arguments, in: notebook.base, environment: CompletionInstall.environment(of: notebook))
    }

    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

import Foundation
import TestSupport
import Testing

/// A remote made with a plain `git init --bare` has `HEAD` on `master`; hearth pushes `main`.
/// Mobile git apps clone with plain git, which checks out the branch `HEAD` names. After the
/// first sync, a folder remote's `HEAD` names `main` and a plain clone holds the notebook; an
/// ssh or https remote's `HEAD` cannot be changed through git's protocol, so the sync says how
/// to fix it on the server, and the fix it names works.
@Suite struct RemoteHeadCloneTests {
    /// A notebook with an entry and an empty remote at `remote` made by `git init --bare` with
    /// git's own default branch name.
    static func notebookWithPlainRemote(at relativePath: String) throws -> (TemporaryNotebook, URL) {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent(relativePath)
        try notebook.git("init", "-q", "--bare", remote.path).requireSuccess()
        #expect(try notebook.git(in: remote, "symbolic-ref", "HEAD").stdout == "refs/heads/master\n")
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("set", "today", "energy=4", "mood=3").requireSuccess()
        try notebook.hearth("jot", "cloned by plain git").requireSuccess()
        return (notebook, remote)
    }

    /// Runs plain `git clone SOURCE plain` with `environment` added and returns its result and
    /// the files it checked out (nothing under `.git`).
    static func plainClone(_ source: String, _ notebook: TemporaryNotebook, into name: String = "plain",
                           options: [String] = [], environment: [String: String] = [:]) throws -> (ProcessResult, [String: [UInt8]]) {
        let target = notebook.base.appendingPathComponent(name)
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), options + ["clone", source, target.path],
                                           in: notebook.base, environment: notebook.environment(environment))
        return (result, try TemporaryNotebook.files(under: target))
    }

    @Test(arguments: [false, true])
    func aFolderRemoteIsClonableByPlainGitAfterTheFirstSync(fileURL: Bool) throws {
        let (notebook, remote) = try Self.notebookWithPlainRemote(at: "remote.git")
        let address = fileURL ? "file://" + remote.path : remote.path
        try notebook.hearth("remote", "add", "origin", address).requireSuccess()
        let sync = try notebook.hearth("sync")
        #expect(sync.status == 0 && sync.stderr.isEmpty, "\(sync)")
        #expect(try notebook.git(in: remote, "symbolic-ref", "HEAD").stdout == "refs/heads/main\n")
        let (clone, files) = try Self.plainClone(address, notebook)
        #expect(clone.status == 0 && !clone.stderr.contains("nonexistent"), "\(clone)")
        #expect(files == (try TemporaryNotebook.files(under: notebook.root)))
        #expect(String(decoding: Data(files[SyncCommandTests.path] ?? []), as: UTF8.self).contains("cloned by plain git"))
    }

    @Test func anSSHRemoteGetsTheHintAndTheHintsFixMakesItClonable() throws {
        let server = try SSHServer()
        let (notebook, remote) = try Self.notebookWithPlainRemote(at: "remote.git")
        let url = "ssh://root@127.0.0.1:\(server.port)\(remote.path)"
        let key = notebook.home.appendingPathComponent(".ssh/id_ed25519")
        try SSHKeys.generate(type: "ed25519", at: key)
        try server.authorize(publicKey: key.appendingPathExtension("pub"))
        try notebook.hearth("remote", "add", "origin", url).requireSuccess()
        let sync = try notebook.hearth("sync", "--accept-new-host")
        #expect(sync.status == 0, "\(sync)")
        Self.expectHint(sync)
        // ssh reads ~ from the password database, not HOME: name the key and known hosts.
        let ssh = "ssh -i \(key.path) -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes "
            + "-o UserKnownHostsFile=\(notebook.home.appendingPathComponent(".ssh/known_hosts").path)"
        try Self.expectPlainCloneNeedsTheFix(url, remote: remote, notebook: notebook, environment: ["GIT_SSH_COMMAND": ssh])
    }

    @Test func anHTTPSRemoteGetsTheHintAndTheHintsFixMakesItClonable() throws {
        let (notebook, remote) = try Self.notebookWithPlainRemote(at: "srv/remote.git")
        let token = "hrt-" + UUID().uuidString
        let server = try HTTPSGitServer(projectRoot: remote.deletingLastPathComponent(), token: token,
                                        folder: notebook.base.appendingPathComponent("tls"))
        defer { server.stop() }
        try notebook.hearth("remote", "add", "origin", server.url("remote.git")).requireSuccess()
        let sync = try notebook.hearth("sync", environment: ["HEARTH_TOKEN": token, "SSL_CERT_FILE": server.certificate.path])
        #expect(sync.status == 0, "\(sync)")
        Self.expectHint(sync)
        let source = "https://device:\(token)@127.0.0.1:\(server.port)/remote.git"
        // The test certificate names 127.0.0.1 only as its common name, which mbedTLS (hearth)
        // accepts and curl (git) does not; git's check is not what this test is about.
        try Self.expectPlainCloneNeedsTheFix(source, remote: remote, notebook: notebook,
                                             options: ["-c", "http.sslVerify=false"])
    }

    /// The sync pushed and said, once, how to fix the server's HEAD.
    static func expectHint(_ sync: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sync.stdout.contains("Sent"), "\(sync)", sourceLocation: sourceLocation)
        let warnings = sync.stderr.split(separator: "\n").filter { $0.hasPrefix("hearth: warning:") }
        #expect(warnings.count == 1 && warnings[0].contains("origin's HEAD names a branch that does not exist")
                && warnings[0].contains("git symbolic-ref HEAD refs/heads/main"), "\(sync)", sourceLocation: sourceLocation)
    }

    /// git 2.39 clones such a remote with exit status 0, warns "remote HEAD refers to
    /// nonexistent ref, unable to checkout" and checks out nothing; after the hint's command on
    /// the server, the same clone holds the notebook.
    static func expectPlainCloneNeedsTheFix(_ source: String, remote: URL, notebook: TemporaryNotebook,
                                            options: [String] = [], environment: [String: String] = [:],
                                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (before, empty) = try plainClone(source, notebook, into: "before", options: options, environment: environment)
        #expect(before.status == 0 && before.stderr.contains("remote HEAD refers to nonexistent ref"), "\(before)", sourceLocation: sourceLocation)
        #expect(empty.isEmpty, "\(empty.keys)", sourceLocation: sourceLocation)
        try notebook.git(in: remote, "symbolic-ref", "HEAD", "refs/heads/main").requireSuccess()
        let (after, files) = try plainClone(source, notebook, into: "after", options: options, environment: environment)
        #expect(after.status == 0 && !after.stderr.contains("nonexistent"), "\(after)", sourceLocation: sourceLocation)
        #expect(files == (try TemporaryNotebook.files(under: notebook.root)), sourceLocation: sourceLocation)
        #expect(String(decoding: Data(files[SyncCommandTests.path] ?? []), as: UTF8.self).contains("cloned by plain git"),
                sourceLocation: sourceLocation)
    }
}

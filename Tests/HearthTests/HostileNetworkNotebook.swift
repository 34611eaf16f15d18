import Foundation
import TestSupport
import Testing

/// A notebook ("laptop") whose `origin` is served over a network of the test's own
/// (``NetworkLab``): a real sshd and a real https git server in the server namespace, hearth run
/// in the client namespace, the faults put on the link between. A second device ("desk") syncs
/// with the same bare repository through its folder, never through the network, so each faulty
/// sync has something to fetch and merge as well as something to push. Every line either device
/// writes goes into a ledger, checked against a plain `git clone` of the remote at the end.
final class HostileNetworkNotebook {
    enum Transport: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case ssh, https
        var testDescription: String { rawValue }
    }

    /// How one sync under a fault ended.
    struct Attempt: CustomStringConvertible {
        var result: ProcessResult
        var seconds: TimeInterval
        var completed: Bool { result.status == 0 }
        var description: String { String(format: "%.1f s, ", seconds) + "\(result)" }
    }

    let lab: NetworkLab
    let notebook: TemporaryNotebook
    let transport: Transport
    let sshServer: SSHServer
    let httpsServer: HTTPSGitServer
    let token = "hrt-" + UUID().uuidString
    var ledger = LineLedger()
    /// Attachments written so far, by notebook-relative path.
    private(set) var attachments: [String: Data] = [:]

    var remote: URL { notebook.base.appendingPathComponent("srv/remote.git") }
    var desk: URL { notebook.base.appendingPathComponent("desk") }
    var url: String {
        switch transport {
        case .ssh: "ssh://root@\(NetworkLab.serverAddress)\(remote.path)"
        case .https: httpsServer.url("remote.git")
        }
    }

    /// The lab, both servers, the laptop with an entry synced once over the healthy link (which
    /// records the ssh host key), and the desk cloned from the remote's folder.
    init(transport: Transport) throws {
        self.transport = transport
        lab = try NetworkLab()
        notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent("srv/remote.git")
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        let key = notebook.home.appendingPathComponent(".ssh/id_ed25519")
        try FileManager.default.createDirectory(at: key.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SSHKeys.generate(type: "ed25519", at: key)
        sshServer = try SSHServer(address: NetworkLab.serverAddress, launcher: lab.serverLauncher)
        try sshServer.authorize(publicKey: key.appendingPathExtension("pub"))
        httpsServer = try HTTPSGitServer(projectRoot: remote.deletingLastPathComponent(), token: token,
                                         folder: notebook.base.appendingPathComponent("tls"),
                                         host: NetworkLab.serverAddress, launcher: lab.serverLauncher)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("remote", "add", "origin", url).requireSuccess()
        // On the healthy link it takes about a second, so it may block.
        let first = try syncCommand(["--accept-new-host"], timeout: 30, limit: 120)()
        guard first.completed else { throw SetupFailure(message: "the first sync over the healthy link failed: \(first)") }
        try notebook.hearth(["clone", remote.path, desk.path, "--device", "desk"], in: notebook.base).requireSuccess()
    }

    /// Stops the servers and takes the lab down (also when the test failed).
    func stop() {
        sshServer.stop()
        httpsServer.stop()
        lab.stop()
    }

    /// A sync running on a thread of its own. Waiting for it suspends the test rather than
    /// blocking one of the few threads every test shares: these syncs take seconds to minutes,
    /// and blocked threads would hold the other suites' tests past their time limits.
    final class PendingSync: @unchecked Sendable {
        private let lock = NSLock()
        private var outcome: Result<Attempt, any Error>?
        private var waiter: CheckedContinuation<Void, Never>?
        private var endedAt = Date.distantFuture

        fileprivate init(_ run: @escaping @Sendable () throws -> Attempt) {
            Thread.detachNewThread { [self] in
                let result = Result { try run() }
                let waiter = lock.withLock {
                    outcome = result
                    endedAt = Date()
                    defer { self.waiter = nil }
                    return self.waiter
                }
                waiter?.resume()
            }
        }

        /// Whether it has ended.
        var isFinished: Bool { lock.withLock { outcome != nil } }
        /// When it ended (distant future while it runs).
        var ended: Date { lock.withLock { endedAt } }

        /// Waits for it to end.
        func wait() async throws -> Attempt {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let finished = lock.withLock {
                    if outcome == nil { waiter = continuation }
                    return outcome != nil
                }
                if finished { continuation.resume() }
            }
            return try lock.withLock { outcome! }.get()
        }
    }

    /// Runs `body` on a thread of its own and waits for it without holding one of the threads
    /// the tests share (see ``PendingSync``), which also means `body` runs on time under load.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `hearth sync` on the laptop in the client namespace with `--timeout timeout`; a
    /// process still running after `limit` seconds is killed, which the caller treats as a hang.
    func sync(timeout: Double, limit: TimeInterval) async throws -> Attempt {
        try await startSync(timeout: timeout, limit: limit).wait()
    }

    /// Starts ``sync(timeout:limit:)`` on a thread of its own.
    func startSync(timeout: Double, limit: TimeInterval) throws -> PendingSync {
        PendingSync(try syncCommand([], timeout: timeout, limit: limit))
    }

    private func syncCommand(_ extra: [String], timeout: Double, limit: TimeInterval) throws -> @Sendable () throws -> Attempt {
        let binary = try #require(HearthBinary.url)
        let launcher = lab.clientLauncher
        let arguments = Array(launcher.dropFirst()) + [binary.path, "sync", "--timeout", String(timeout)] + extra
        let root = notebook.root
        let environment = notebook.environment(["HEARTH_TOKEN": token, "SSL_CERT_FILE": httpsServer.certificate.path])
        return {
            let started = Date()
            let result = try ProcessRunner.run(URL(fileURLWithPath: launcher[0]), arguments, in: root, environment: environment,
                                               killAfter: limit)
            return Attempt(result: result, seconds: Date().timeIntervalSince(started))
        }
    }

    /// Checks one faulty sync ended as promised: completed, or exit 1 with one error line naming
    /// the remote; never killed as hung, never another status.
    func expectCompletedOrFailedCleanly(_ attempt: Attempt, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!attempt.result.wasKilled, "the sync hung: \(attempt)", sourceLocation: sourceLocation)
        guard !attempt.completed else { return }
        #expect(attempt.result.status == 1, "\(attempt)", sourceLocation: sourceLocation)
        #expect(attempt.result.stderr.hasPrefix("hearth: error: ") && attempt.result.stderr.contains("'origin'"),
                "\(attempt)", sourceLocation: sourceLocation)
    }

    /// Syncs until a sync completes, at most `attempts` times, each checked with
    /// ``expectCompletedOrFailedCleanly(_:sourceLocation:)``; every attempt, the last one completed or not.
    func syncUntilCompleted(attempts: Int, timeout: Double, limit: TimeInterval,
                            sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Attempt] {
        var made: [Attempt] = []
        while made.count < attempts {
            let attempt = try await sync(timeout: timeout, limit: limit)
            made.append(attempt)
            expectCompletedOrFailedCleanly(attempt, sourceLocation: sourceLocation)
            if attempt.completed || attempt.result.wasKilled { break }
        }
        return made
    }

    /// What a round of a test writes before its faulty sync: three ledger lines on the laptop
    /// (and, with `attachment`, an attachment of that many bytes), two on the desk, which syncs
    /// them through the folder, so the laptop's sync has to fetch, merge and push.
    func writeOnBothDevices(attachment: Int? = nil) throws {
        try jot(3, on: "laptop")
        if let attachment { try attach(attachment, as: "attachment-\(attachments.count + 1).jpg") }
        try jot(2, on: "desk")
        try syncDesk()
    }

    /// Writes `count` ledger lines on `device` (the laptop or the desk) with `hearth jot`.
    func jot(_ count: Int, on device: String) throws {
        for _ in 0..<count {
            let line = ledger.line(device, "jot")
            try notebook.hearth(["jot", line], in: device == "desk" ? desk : notebook.root).requireSuccess()
        }
    }

    /// Writes an attachment of `bytes` random bytes (incompressible, so every byte crosses the link).
    func attach(_ bytes: Int, as name: String) throws {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let path = "attachments/\(name)"
        try notebook.write(path, bytes: [UInt8](data))
        attachments[path] = data
    }

    /// Syncs the desk through the remote's folder (no network).
    func syncDesk() throws {
        try notebook.hearth(["sync"], in: desk).requireSuccess()
    }

    /// After the faults: a sync on the healthy link completes, the desk syncs, and both devices
    /// and a plain `git clone` of the remote hold the same files, every ledger line and every
    /// attachment byte for byte; `git fsck --strict` is clean on all of them.
    func expectConvergedWithNothingLost(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try lab.heal()
        let healthy = try await sync(timeout: 30, limit: 120)
        #expect(healthy.completed, "the sync on the healed link: \(healthy)", sourceLocation: sourceLocation)
        try syncDesk()
        let healthyAgain = try await sync(timeout: 30, limit: 120)
        #expect(healthyAgain.completed, "\(healthyAgain)", sourceLocation: sourceLocation)
        let check = notebook.base.appendingPathComponent("check-\(UUID().uuidString)")
        try notebook.git(in: notebook.base, "clone", "-q", remote.path, check.path).requireSuccess()
        let cloned = try TemporaryNotebook.files(under: check)
        let laptop = try TemporaryNotebook.files(under: notebook.root)
        let deskFiles = try TemporaryNotebook.files(under: desk)
        #expect(laptop == cloned && deskFiles == cloned, "the devices and the remote differ", sourceLocation: sourceLocation)
        let texts = cloned.filter { $0.key.hasSuffix(".md") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(ledger.written > 0 && ledger.missing(in: texts).isEmpty, "lines lost: \(ledger.missing(in: texts))",
                sourceLocation: sourceLocation)
        for (path, data) in attachments {
            #expect(cloned[path].map { Data($0) } == data, "\(path) differs on the remote", sourceLocation: sourceLocation)
        }
        for repository in [remote, notebook.root, desk, check] {
            let fsck = try notebook.git(in: repository, "fsck", "--strict", "--no-progress")
            #expect(fsck.status == 0 && fsck.stdout.isEmpty, "\(repository.lastPathComponent): \(fsck)", sourceLocation: sourceLocation)
        }
    }
}

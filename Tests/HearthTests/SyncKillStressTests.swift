import Foundation
import NoteKit
import TestSupport
import Testing

/// Two devices keep writing while `hearth sync` is killed with SIGKILL over and over: at a named
/// checkpoint (`HEARTH_SYNC_ABORT_AT`) in even rounds, in odd ones after a random delay up to
/// the time the other device's sync just took (so the kill lands anywhere in the sync). After
/// every kill `git fsck` is clean and the next sync succeeds; after each round both devices hold
/// the same tree, and every line either device wrote (kept in a ``LineLedger``) is still there.
/// Every third round, `hearth maintenance` (a roll-up or `--full`) is killed at one of its steps
/// as well, and must leave fsck clean and the next run working.
///
/// Rounds go on until `HEARTH_STRESS_KILLS` syncs were really killed (12 in `make test`, 120 in
/// `make test-stress`; a sync that finishes before its kill does not count). A failure names the
/// seed; `HEARTH_STRESS_SEED=N` replays the same choices.
///
/// The same runs through an encrypted remote, half as many kills, its checkpoints including the
/// encrypted transport's steps; after each kill the remote and the victim's carrier copy must
/// pass fsck too.
@Suite struct SyncKillStressTests {
    static let environment = ProcessInfo.processInfo.environment
    /// How many syncs to kill.
    static let kills = Int(environment["HEARTH_STRESS_KILLS"] ?? "") ?? 12
    /// The seed of the whole run.
    static let seed = UInt64(environment["HEARTH_STRESS_SEED"] ?? "") ?? 20_261_122

    /// How a round stops its victim's sync.
    enum Kill: CustomStringConvertible {
        case at(String)
        case after(TimeInterval)

        var description: String {
            switch self {
            case .at(let checkpoint): "killed at \(checkpoint)"
            case .after(let delay): "killed after \(Int(delay * 1000)) ms"
            }
        }
    }

    @Test func syncsKilledAnywhereLoseNoLineAndTheNextSyncRecovers() throws {
        try killRepeatedly(encrypted: false, kills: Self.kills)
    }

    @Test func encryptedSyncsKilledAnywhereLoseNoLineAndTheNextSyncRecovers() throws {
        try killRepeatedly(encrypted: true, kills: max(1, Self.kills / 2))
    }

    private func killRepeatedly(encrypted: Bool, kills: Int) throws {
        var random = SplitMix64(seed: Self.seed)
        let devices = try SyncCommandTests.TwoDevices(encrypted: encrypted)
        let checkpoints = SyncKillTests.checkpoints + (encrypted ? SyncKillTests.encryptedCheckpoints : [])
        let kind = encrypted ? "encrypted remote, " : ""
        let roots = ["laptop": devices.notebook.root, "desk": devices.desk]
        var ledger = LineLedger()
        var killedAtCheckpoint = 0, killedByTimer = 0, finishedFirst = 0, killedMaintenance = 0
        var round = 0
        // Bounded: most rounds kill, and one that does not still checks recovery and convergence.
        while killedAtCheckpoint + killedByTimer < kills, round < kills * 4 {
            defer { round += 1 }
            let victim = Bool.random(using: &random) ? "laptop" : "desk"
            let other = victim == "laptop" ? "desk" : "laptop"
            for device in [other, victim] {
                try write(round: round, device: device, in: roots[device]!, devices: devices, ledger: &ledger, random: &random)
            }
            // The other device pushes first, so the victim has something to fetch, merge, write and push.
            let started = Date()
            let first = try sync(devices, roots[other]!)
            let duration = Date().timeIntervalSince(started)
            #expect(first.status == 0, "seed \(Self.seed), round \(round): \(other)'s sync failed: \(first)")
            let kill: Kill = round.isMultiple(of: 2)
                ? .at(checkpoints.randomElement(using: &random)!)
                : .after(duration * Double.random(in: 0...1, using: &random))
            let killed = try sync(devices, roots[victim]!, kill: kill)
            var problems: [String] = []
            if killed.wasKilled {
                if case .at = kill { killedAtCheckpoint += 1 } else { killedByTimer += 1 }
                let whole = [roots[victim]!] + (encrypted ? [devices.remote, EncryptedTwoDevices.carrierCopy(of: roots[victim]!)] : [])
                for repository in whole {
                    let fsck = try git(devices, repository, "fsck", "--strict", "--no-progress")
                    if fsck.status != 0 || fsck.stderr.contains("error") { problems.append("fsck of \(repository.lastPathComponent) after the kill: \(fsck)") }
                }
            } else if killed.status == 0 {
                // The sync finished (or never reached the checkpoint) before the kill.
                finishedFirst += 1
            } else {
                problems.append("the sync failed by itself: \(killed)")
            }
            let recovered = try sync(devices, roots[victim]!)
            if recovered.status != 0 { problems.append("the next sync failed: \(recovered)") }
            // Every third round, maintenance (a roll-up or a full repack) is killed at one of its steps too.
            if round % 3 == 2 {
                let full = Bool.random(using: &random)
                let step = (full ? MaintenanceKillTests.fullCheckpoints : MaintenanceKillTests.rollUpCheckpoints).randomElement(using: &random)!
                let flags = ["maintenance"] + (full ? ["--full"] : [])
                let stopped = try hearth(devices, roots[victim]!, flags, extra: ["HEARTH_SYNC_ABORT_AT": step])
                if !stopped.wasKilled && stopped.status != 0 { problems.append("maintenance failed by itself: \(stopped)") }
                if stopped.wasKilled { killedMaintenance += 1 }
                let fsck = try git(devices, roots[victim]!, "fsck", "--strict", "--no-progress")
                if fsck.status != 0 || fsck.stderr.contains("error") { problems.append("fsck after maintenance killed at \(step): \(fsck)") }
                let rerun = try hearth(devices, roots[victim]!, flags)
                if rerun.status != 0 { problems.append("maintenance after a kill at \(step) failed: \(rerun)") }
            }
            for device in [other, victim] {
                let result = try sync(devices, roots[device]!)
                if result.status != 0 { problems.append("a later sync on \(device) failed: \(result)") }
            }

            let trees = try roots.values.map { try git(devices, $0, "rev-parse", "HEAD^{tree}").stdout }
            if Set(trees).count != 1 { problems.append("the devices hold different trees") }
            for (device, root) in roots {
                let texts = try Self.texts(under: root)
                let missing = ledger.missing(in: Array(texts.values))
                if !missing.isEmpty { problems.append("\(device) lost \(missing)") }
                if texts.values.contains(where: { $0.contains("<<<<<<<") || $0.contains("hearth:conflict") }) {
                    problems.append("\(device) has conflict markers")
                }
                if try !git(devices, root, "status", "--porcelain").stdout.isEmpty { problems.append("\(device) has changes left") }
            }
            #expect(problems.isEmpty, "\(kind)seed \(Self.seed), round \(round): \(victim) \(kill): \(problems)")
            if !problems.isEmpty { break }
        }
        let killed = killedAtCheckpoint + killedByTimer
        #expect(killed == kills, "\(kind)only \(killed) of \(kills) syncs were really killed in \(round) rounds")
        StressReport.append("kills: \(kind)\(killed) syncs killed and recovered in \(round) rounds (\(killedAtCheckpoint) at a checkpoint, "
            + "\(killedByTimer) after a random delay; \(finishedFirst) finished first; \(killedMaintenance) maintenance runs killed), "
            + "\(ledger.written) lines written, "
            + "\(ledger.missing(in: try roots.values.flatMap { try Self.texts(under: $0).values }).count) lost, seed \(Self.seed)")
    }

    /// One round of writing on a device, each line logged: an editor-style append to today's
    /// entry and to a shared note, sometimes a `hearth done`, sometimes a new note.
    private func write(round: Int, device: String, in root: URL, devices: SyncCommandTests.TwoDevices,
                       ledger: inout LineLedger, random: inout SplitMix64) throws {
        for path in [SyncCommandTests.path, "notes/shared.md"] {
            let url = root.appending(path: path)
            var text = (try? String(contentsOf: url, encoding: .utf8)) ?? "---\ntitle: Shared\n---\n"
            text += ledger.line(device, "round \(round) append") + "\n"
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Editors save both ways: in place, or a new file renamed over the old one.
            try Data(text.utf8).write(to: url, options: Bool.random(using: &random) ? .atomic : [])
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            try devices.notebook.hearth(["done", "learn", ledger.line(device, "done")], in: root).requireSuccess()
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            let url = root.appending(path: "notes/\(device)-\(round).md")
            try Data("---\ntitle: Round \(round)\n---\n\(ledger.line(device, "new note"))\n".utf8).write(to: url)
        }
    }

    private func sync(_ devices: SyncCommandTests.TwoDevices, _ root: URL, kill: Kill? = nil) throws -> ProcessResult {
        let binary = try #require(HearthBinary.url)
        var extra: [String: String] = [:]
        var delay: TimeInterval?
        switch kill {
        case .at(let checkpoint): extra["HEARTH_SYNC_ABORT_AT"] = checkpoint
        case .after(let seconds): delay = seconds
        case nil: break
        }
        return try ProcessRunner.run(binary, ["sync", "--quiet"], in: root, environment: devices.notebook.environment(extra),
                                     killAfter: delay)
    }

    private func hearth(_ devices: SyncCommandTests.TwoDevices, _ root: URL, _ arguments: [String],
                        extra: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(try #require(HearthBinary.url), arguments, in: root, environment: devices.notebook.environment(extra))
    }

    private func git(_ devices: SyncCommandTests.TwoDevices, _ root: URL, _ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", root.path] + arguments, in: root,
                              environment: devices.notebook.environment())
    }

    /// The text of every file under `root` outside `.git`, by relative path.
    static func texts(under root: URL) throws -> [String: String] {
        try TemporaryNotebook.files(under: root).mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

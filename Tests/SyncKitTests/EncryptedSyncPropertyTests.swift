import Foundation
import TestSupport
import Testing

/// The three-device property run (``ThreeDeviceRun``, as in ``SyncPropertyTests``) through an
/// encrypted remote: each seed runs once through a plain folder remote and once through an
/// encrypted one, and both converge to the same merge result, with the same edits on the way
/// (the editor chooses from what the merges left, so a different merge shows as different edits).
///
/// `make test` runs 3 seeds (the property test's first three); `HEARTH_STRESS_SEEDS=N` runs N,
/// `HEARTH_PROPERTY_SEED=N` replays one.
@Suite("Sync properties: three devices, encrypted remote")
struct EncryptedSyncPropertyTests {
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["HEARTH_PROPERTY_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = Int(environment["HEARTH_STRESS_SEEDS"] ?? "") ?? 3
        return (0..<UInt64(count)).map { 7_000 + $0 }
    }()

    /// The plain run's result, handed over from its thread once it is done.
    private final class Outcome: @unchecked Sendable {
        var result: Result<ThreeDeviceRun, any Error>?
    }

    @Test(arguments: seeds)
    func theSameSeedMergesTheSameThroughAnEncryptedRemote(seed: UInt64) throws {
        let devices = ThreeDeviceRun.devices
        // The two runs side by side: most of their time is waiting for a new second.
        let plainRun = Outcome()
        let plainDone = DispatchGroup()
        DispatchQueue.global().async(group: plainDone) {
            plainRun.result = Result {
                try SyncWorld.with(devices: devices, files: ThreeDeviceRun.start) {
                    try ThreeDeviceRun(world: $0, seed: seed, distinctCommitSeconds: true)
                }
            }
        }
        defer { plainDone.wait() }
        let encrypted = try SyncWorld.withEncryptedRemote(devices: devices, files: ThreeDeviceRun.start) { world in
            let run = try ThreeDeviceRun(world: world, seed: seed, distinctCommitSeconds: true)
            // Everything went through the carrier: the plain remote holds only what the first sync sent.
            let plainCommits = try GitCLI(directory: world.remote, home: world.home)("rev-list", "--count", "main")
            let commits = try world.git(devices[0])("rev-list", "--count", "HEAD")
            #expect((Int(plainCommits) ?? 0) + 10 < (Int(commits) ?? 0), "\(plainCommits) of \(commits)")
            let carrierCommits = try GitCLI(directory: world.carrier, home: world.home)("rev-list", "--count", "hearth-encrypted")
            #expect((Int(carrierCommits) ?? 0) > devices.count)
            #expect(try world.git(devices[0])("config", "remote.origin.url").hasPrefix("hearth-encrypted::"))
            return run
        }
        plainDone.wait()
        let plain = try #require(plainRun.result).get()
        let replay = "seed \(seed) (replay: HEARTH_PROPERTY_SEED=\(seed) swift test --filter EncryptedSyncPropertyTests)"
        #expect(plain.problems.isEmpty, "\(replay), plain remote: \(plain.problems)")
        #expect(encrypted.problems.isEmpty, "\(replay), encrypted remote: \(encrypted.problems)")
        #expect(encrypted.log == plain.log, "\(replay): the devices' edits differ:\n\(plain.log)\n\(encrypted.log)")
        #expect(encrypted.conflicts == plain.conflicts, "\(replay)")
        #expect(plain.mergeResult.count > ThreeDeviceRun.start.count)
        let paths = Set(plain.mergeResult.keys).union(encrypted.mergeResult.keys).sorted()
        for path in paths where plain.mergeResult[path] != encrypted.mergeResult[path] {
            Issue.record("\(replay): \(path) differs:\nplain:\n\(plain.mergeResult[path] ?? "(absent)")\nencrypted:\n\(encrypted.mergeResult[path] ?? "(absent)")")
        }
        StressReport.append("encrypted property seed \(seed): \(encrypted.problems.isEmpty && plain.mergeResult == encrypted.mergeResult ? "same" : "FAILED"), "
            + "\(encrypted.log.count) edits, \(encrypted.conflicts) conflicts recorded")
    }
}

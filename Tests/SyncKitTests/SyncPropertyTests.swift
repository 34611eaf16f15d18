import Foundation
import TestSupport
import Testing

/// Three devices, seeded random edits (``RandomNotebookEditor``), random sync order; after
/// everyone syncs twice in turn: identical trees, no lost line, every entry valid.
///
/// `make test` runs 20 seeds; `make test-stress` sets `HEARTH_STRESS_SEEDS` (how many).
/// A failure prints its seed and what each device did; `HEARTH_PROPERTY_SEED=N` replays it alone.
@Suite("Sync properties: three devices")
struct SyncPropertyTests {
    static let devices = ThreeDeviceRun.devices
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["HEARTH_PROPERTY_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = Int(environment["HEARTH_STRESS_SEEDS"] ?? "") ?? 20
        return (0..<UInt64(count)).map { 7_000 + $0 }
    }()

    @Test(arguments: seeds)
    func threeDevicesConverge(seed: UInt64) throws {
        try SyncWorld.with(devices: Self.devices, files: ThreeDeviceRun.start) { world in
            let run = try ThreeDeviceRun(world: world, seed: seed)
            #expect(run.problems.isEmpty, """
                seed \(seed) (replay: HEARTH_PROPERTY_SEED=\(seed) swift test --filter SyncPropertyTests): \(run.problems)
                what the devices did:
                \(run.log.joined(separator: "\n"))
                """)
            StressReport.append("property seed \(seed): \(run.problems.isEmpty ? "converged" : "FAILED"), "
                + "\(run.log.count) edits, \(run.linesWritten) lines written, \(run.conflicts) conflicts recorded")
        }
    }
}

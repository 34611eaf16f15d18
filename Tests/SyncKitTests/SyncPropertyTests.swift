import Foundation
import GitKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// Three devices, seeded random edits (``RandomNotebookEditor``), random sync order; after
/// everyone syncs twice in turn: identical trees, no lost line, every entry valid.
///
/// `make test` runs 20 seeds; `make test-stress` sets `HEARTH_STRESS_SEEDS` (how many).
/// A failure prints its seed and what each device did; `HEARTH_PROPERTY_SEED=N` replays it alone.
@Suite("Sync properties: three devices")
struct SyncPropertyTests {
    static let devices = ["laptop", "desk", "phone"]
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["HEARTH_PROPERTY_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = Int(environment["HEARTH_STRESS_SEEDS"] ?? "") ?? 20
        return (0..<UInt64(count)).map { 7_000 + $0 }
    }()

    @Test(arguments: seeds)
    func threeDevicesConverge(seed: UInt64) throws {
        let start = [
            "days/2026/2026-11-20.md": "---\ndate: 2026-11-20\nenergy: 3\nmood: 3\ntags: [start]\n---\n## Done\n\nbase line one\nbase line two\n",
            "notes/garden.md": "---\ntitle: Garden\nenergy: 2\nmood: 4\ntags: [start, plants]\n---\nbase garden line\n",
        ]
        try SyncWorld.with(devices: Self.devices, files: start) { world in
            var editor = RandomNotebookEditor(world: world, seed: seed)
            var conflicts = 0
            for round in 0..<4 {
                for device in Self.devices {
                    for _ in 0..<Int.random(in: 1...3, using: &editor.random) { try editor.edit(device) }
                }
                if round == 1 {
                    // The same day created on two devices before either syncs.
                    try editor.createSameDay(on: Array(Self.devices.shuffled(using: &editor.random).prefix(2)), day: round + 1)
                }
                for device in Self.devices.shuffled(using: &editor.random) where Int.random(in: 0..<5, using: &editor.random) > 0 {
                    conflicts += try world.sync(device).newConflicts.count
                }
            }
            for _ in 0..<2 {
                for device in Self.devices { conflicts += try world.sync(device).newConflicts.count }
            }

            var problems: [String] = []
            let trees = try Set(Self.devices.map { try world.tree($0) })
            if trees.count != 1 { problems.append("the devices hold \(trees.count) different trees") }
            for device in Self.devices {
                let texts = Dictionary(uniqueKeysWithValues: world.files(device).map { ($0, world.read(device, $0) ?? "") })
                let missing = editor.ledger.missing(in: Array(texts.values))
                if !missing.isEmpty { problems.append("\(device) lost \(missing)") }
                for (path, text) in texts where path.hasSuffix(".md") {
                    if text.contains("<<<<<<<") { problems.append("\(device): git conflict markers in \(path)") }
                    do {
                        _ = try Note(parsing: text, path: path)
                    } catch {
                        problems.append("\(device): \(path) does not parse: \(error)")
                    }
                }
                if !(try world.git(device)("status", "--porcelain")).isEmpty { problems.append("\(device) has changes left") }
            }
            #expect(problems.isEmpty, """
                seed \(seed) (replay: HEARTH_PROPERTY_SEED=\(seed) swift test --filter SyncPropertyTests): \(problems)
                what the devices did:
                \(editor.log.joined(separator: "\n"))
                """)
            StressReport.append("property seed \(seed): \(problems.isEmpty ? "converged" : "FAILED"), "
                + "\(editor.log.count) edits, \(editor.ledger.written) lines written, \(conflicts) conflicts recorded")
        }
    }
}

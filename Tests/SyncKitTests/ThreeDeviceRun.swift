import Foundation
import NoteKit
import TestSupport

/// One seed of the three-device property run in a world (plain or encrypted remote): seeded
/// random edits (``RandomNotebookEditor``) in four rounds, random sync order, then everyone syncs
/// twice in turn; what went wrong, what the devices did, and what they hold at the end.
struct ThreeDeviceRun {
    static let devices = ["laptop", "desk", "phone"]
    /// The notebook every world starts from.
    static let start = [
        "days/2026/2026-11-20.md": "---\ndate: 2026-11-20\nenergy: 3\nmood: 3\ntags: [start]\n---\n## Done\n\nbase line one\nbase line two\n",
        "notes/garden.md": "---\ntitle: Garden\nenergy: 2\nmood: 4\ntags: [start, plants]\n---\nbase garden line\n",
    ]

    /// Broken properties: trees that differ, lost lines, conflict markers, entries that do not
    /// parse, changes left uncommitted. Empty when the devices converged.
    var problems: [String] = []
    /// What each device did, in order.
    var log: [String] = []
    /// Conflicts the syncs recorded.
    var conflicts = 0
    /// Lines the editor wrote.
    var linesWritten = 0
    /// The first device's files at the end (every device's, once converged), by path, with each
    /// time a merge wrote (`2026-12-07T03:25Z` in a conflict marker or record) replaced by `TIME`,
    /// and the conflict records (named by a hash of their text, times included) numbered in the
    /// order of their text: what the merges decided, without when they ran.
    var mergeResult: [String: String] = [:]

    /// Runs seed `seed` in `world`, whose devices are ``devices``.
    ///
    /// A merge puts the two tips in order by commit time, whole seconds, and breaks a tie by
    /// commit id, which holds the time: so two runs of one seed make the same merges only when no
    /// two commits of theirs share a second. With `distinctCommitSeconds`, a sync that will commit
    /// and would start in the second of the newest commit waits for the next second.
    init(world: SyncWorld, seed: UInt64, distinctCommitSeconds: Bool = false) throws {
        let devices = Self.devices
        var editor = RandomNotebookEditor(world: world, seed: seed)
        // The worlds were set up just now: their commits too.
        var newestCommit = Date().timeIntervalSince1970.rounded(.down)
        func sync(_ device: String) throws -> Int {
            // Only a sync with changes to commit makes a commit (a snapshot, then perhaps a merge).
            if distinctCommitSeconds, !(try world.git(device)("status", "--porcelain")).isEmpty {
                let wait = newestCommit + 1 - Date().timeIntervalSince1970
                if wait > 0 { Thread.sleep(forTimeInterval: wait + 0.01) }
            }
            let conflicts = try world.sync(device).newConflicts.count
            if distinctCommitSeconds { newestCommit = max(newestCommit, Double(try world.git(device)("log", "-1", "--format=%ct")) ?? 0) }
            return conflicts
        }
        for round in 0..<4 {
            for device in devices {
                for _ in 0..<Int.random(in: 1...3, using: &editor.random) { try editor.edit(device) }
            }
            if round == 1 {
                // The same day created on two devices before either syncs.
                try editor.createSameDay(on: Array(devices.shuffled(using: &editor.random).prefix(2)), day: round + 1)
            }
            for device in devices.shuffled(using: &editor.random) where Int.random(in: 0..<5, using: &editor.random) > 0 {
                conflicts += try sync(device)
            }
        }
        for _ in 0..<2 {
            for device in devices { conflicts += try sync(device) }
        }

        let trees = try Set(devices.map { try world.tree($0) })
        if trees.count != 1 { problems.append("the devices hold \(trees.count) different trees") }
        for device in devices {
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
        log = editor.log
        linesWritten = editor.ledger.written
        var records: [String] = []
        for path in world.files(devices[0]) {
            let text = (world.read(devices[0], path) ?? "")
                .replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z"#, with: "TIME", options: .regularExpression)
            if path.hasPrefix(".hearth/conflicts/") {
                let id = String(path.dropFirst(".hearth/conflicts/".count).dropLast(".yaml".count))
                records.append(text.replacingOccurrences(of: id, with: "ID"))
            } else {
                mergeResult[path] = text
            }
        }
        for (index, record) in records.sorted().enumerated() { mergeResult[".hearth/conflicts/record-\(index + 1)"] = record }
    }
}

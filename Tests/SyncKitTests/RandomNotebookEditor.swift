import Foundation
import NoteKit
import TestSupport

/// Seeded random edits of a device's notebook, the way people make them in any editor: key edits,
/// front-matter comments (on a key's line, or a line above a key), list edits, appends, line
/// rewrites, deletes, renames, new files, and the same new day created on two devices. Every line
/// (and comment) it writes goes into a ``LineLedger``; lines it deletes on purpose (a rewritten
/// line, a replaced comment, a deleted file's lines, a removed list item) leave the ledger, so
/// what the ledger still expects must survive every merge.
struct RandomNotebookEditor {
    let world: SyncWorld
    var random: SplitMix64
    var ledger = LineLedger()
    /// What each device did, for the failure message.
    private(set) var log: [String] = []
    private var newFiles = 0

    init(world: SyncWorld, seed: UInt64) {
        self.world = world
        self.random = SplitMix64(seed: seed)
    }

    /// A new entry's text: front-matter with scalars and a list, a heading, one logged line.
    mutating func entry(_ device: String, title: String) -> String {
        "---\ntitle: \(title)\nenergy: \(Int.random(in: 1...5, using: &random))\nmood: 3\ntags: [start]\n---\n"
            + "## Notes\n\n\(ledger.line(device, "first line"))\n"
    }

    /// One random edit on `device`.
    mutating func edit(_ device: String) throws {
        let entries = world.files(device).filter { $0.hasSuffix(".md") && ($0.hasPrefix("days/") || $0.hasPrefix("notes/")) }
        guard let path = entries.randomElement(using: &random), var text = world.read(device, path) else {
            return try newFile(device)
        }
        var lines = text.components(separatedBy: "\n")
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1:
            // A key edit: a new value for a scalar, its comment kept.
            let key = ["energy", "mood"].randomElement(using: &random)!
            guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ": ") }) else { return try append(device, path, text) }
            let comment = lines[index].range(of: "  # ").map { String(lines[index][$0.lowerBound...]) } ?? ""
            lines[index] = "\(key): \(Int.random(in: 1...5, using: &random))" + comment
            text = lines.joined(separator: "\n")
            log.append("\(device): \(key) in \(path)")
        case 10, 11:
            // A front-matter comment: on a key's line (replacing the one there), or a line above it.
            let key = ["energy", "mood"].randomElement(using: &random)!
            guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ": ") }) else { return try append(device, path, text) }
            let comment = "# " + ledger.line(device, "comment")
            if Bool.random(using: &random) {
                ledger.remove(linesIn: lines[index])
                lines[index] = String(lines[index].prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)) + "  " + comment
                log.append("\(device): comment on \(key) in \(path)")
            } else {
                lines.insert(comment, at: index)
                log.append("\(device): comment above \(key) in \(path)")
            }
            text = lines.joined(separator: "\n")
        case 2:
            // A list edit: add an item, or remove one (which is then no longer expected).
            guard let index = lines.firstIndex(where: { $0.hasPrefix("tags: [") && $0.hasSuffix("]") }) else {
                return try append(device, path, text)
            }
            var items = lines[index].dropFirst("tags: [".count).dropLast().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if items.count > 1, Bool.random(using: &random) {
                let removed = items.remove(at: Int.random(in: 0..<items.count, using: &random))
                ledger.remove(linesIn: removed)
                log.append("\(device): untag \(path)")
            } else {
                items.append(ledger.line(device, "tag"))
                log.append("\(device): tag \(path)")
            }
            lines[index] = "tags: [" + items.joined(separator: ", ") + "]"
            text = lines.joined(separator: "\n")
        case 3, 4, 5:
            return try append(device, path, text)
        case 6:
            // A line rewrite: a logged body line replaced by a new one.
            let bodyStart = (lines.dropFirst().firstIndex(of: "---") ?? 0) + 1
            let candidates = lines.indices.filter { $0 >= bodyStart && lines[$0].contains(" line ") }
            guard let index = candidates.randomElement(using: &random) else { return try append(device, path, text) }
            ledger.remove(linesIn: lines[index])
            lines[index] = ledger.line(device, "rewrite")
            text = lines.joined(separator: "\n")
            log.append("\(device): rewrite a line of \(path)")
        case 7:
            // A delete: its lines are gone on purpose.
            ledger.remove(linesIn: text)
            try FileManager.default.removeItem(at: world.root(device).appending(path: path))
            log.append("\(device): delete \(path)")
            return
        case 8:
            guard path.hasPrefix("notes/") else { return try newFile(device) }
            newFiles += 1
            let target = "notes/renamed-\(device)-\(newFiles).md"
            try FileManager.default.moveItem(at: world.root(device).appending(path: path), to: world.root(device).appending(path: target))
            log.append("\(device): rename \(path) to \(target)")
            return
        default:
            return try newFile(device)
        }
        try world.write(device, path, text)
    }

    /// The same new day entry created on each of `devices` before any of them syncs.
    mutating func createSameDay(on devices: [String], day: Int) throws {
        let path = "days/2026/2026-12-\(String(format: "%02d", day)).md"
        for device in devices where world.read(device, path) == nil {
            try world.write(device, path, entry(device, title: "December \(day)"))
            log.append("\(device): create \(path)")
        }
    }

    private mutating func append(_ device: String, _ path: String, _ text: String) throws {
        let separator = text.hasSuffix("\n") || text.isEmpty ? "" : "\n"
        try world.write(device, path, text + separator + ledger.line(device, "append") + "\n")
        log.append("\(device): append to \(path)")
    }

    private mutating func newFile(_ device: String) throws {
        newFiles += 1
        let path = "notes/new-\(device)-\(newFiles).md"
        try world.write(device, path, entry(device, title: "New \(newFiles)"))
        log.append("\(device): create \(path)")
    }
}

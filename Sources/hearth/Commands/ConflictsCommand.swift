import ArgumentParser
import SyncKit

/// `hearth conflicts [--json]`.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the conflicts syncs recorded and not yet resolved.",
        discussion: "Each shows the entry, the field or text region, both devices' versions with their times, and which is in the entry now. Settle one with hearth resolve ID|ENTRY --keep DEVICE, --both or --edit."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One JSON object per conflict, with path, id, kind, field, kept and both sides.")
    var json = false

    func run() throws {
        let notebook = try global.notebook()
        let conflicts = try ConflictStore(root: notebook.root).all().map(ConflictSummary.init)
        if json {
            try JSONOutput.write(conflicts)
            return
        }
        guard !conflicts.isEmpty else {
            Terminal.standardOutput.write("No open conflicts.\n")
            return
        }
        var lines: [String] = []
        for conflict in conflicts {
            let what = conflict.field.map { "field \($0)" } ?? conflict.kind
            lines.append(Terminal.standardOutput.paint("\(conflict.id)", .yellow) + "  \(conflict.path)  \(what), kept \(conflict.kept)")
            for side in conflict.sides {
                let value = side.deleted ? (conflict.kind == "deleted" ? "deleted the entry" : "(deleted)")
                    : side.value.isEmpty ? (conflict.kind == "deleted" ? "edited, kept in the entry" : "(empty)")
                    : side.value
                let shown = value.split(separator: "\n", omittingEmptySubsequences: false)
                lines.append("    \(side.device) \(side.time): \(shown.first ?? "")")
                for more in shown.dropFirst() where !more.isEmpty { lines.append("      \(more)") }
            }
        }
        lines.append("\(conflicts.count) open; settle one with hearth resolve ID --keep DEVICE | --both | --edit")
        Terminal.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}

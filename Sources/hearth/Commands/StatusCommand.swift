import ArgumentParser
import SyncKit

/// `hearth status [--json]`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "What is not synced yet, how this notebook stands against its remote, and open conflicts.",
        discussion: "Ahead and behind are as of the last fetch (the last hearth sync); status never uses the network."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the status as JSON; changes and conflicts carry their path.")
    var json = false

    func run() throws {
        let notebook = try global.notebook()
        let status = try NotebookStatus.read(root: notebook.root)
        if json {
            try JSONOutput.write(status)
            return
        }
        var lines: [String] = []
        let branch = status.branch ?? "(no branch)"
        if let remote = status.remote {
            if let ahead = status.ahead, let behind = status.behind {
                lines.append("On \(branch), syncing with \(remote): \(ahead) ahead, \(behind) behind as of the last sync.")
            } else {
                lines.append("On \(branch), syncing with \(remote): never synced yet.")
            }
        } else {
            lines.append("On \(branch), no remote configured (hearth remote add origin URL).")
        }
        if status.changes.isEmpty {
            lines.append("Nothing waiting to be synced.")
        } else {
            lines.append("Not yet synced (\(status.changes.count)):")
            for change in status.changes {
                lines.append("  \(change.change.padding(toLength: 9, withPad: " ", startingAt: 0)) \(change.path)\(change.committed ? "  (committed)" : "")")
            }
        }
        if !status.conflicts.isEmpty {
            lines.append("Open conflicts (\(status.conflicts.count)): hearth conflicts lists them.")
        }
        Terminal.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}

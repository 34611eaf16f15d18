import ArgumentParser
import GitKit
import NoteKit

/// `hearth remote list [-v] [--json]`.
struct RemoteListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List remotes.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .shortAndLong, help: "Show each remote's URL.")
    var verbose = false

    @Flag(help: "One JSON object per remote: name and url.")
    var json = false

    func run() throws {
        let notebook = try global.notebook()
        let remotes = try Repository.open(at: notebook.root).remotes()
        if json {
            JSONOutput.write(rows: remotes) { .object([("name", .string($0.name)), ("url", .string($0.displayURL))]) }
            return
        }
        for remote in remotes {
            Terminal.standardOutput.write(verbose ? "\(remote.name)\t\(remote.displayURL)\n" : "\(remote.name)\n")
        }
    }
}

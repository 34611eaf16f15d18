import ArgumentParser
import Foundation
import GitKit

/// `hearth remote add NAME URL`.
struct RemoteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a remote, exactly as git remote add would.",
        discussion: "URL may be a path, file://, ssh://, user@host:path or https://."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The remote's name, e.g. origin.")
    var name: String

    @Argument(help: "Where the remote is.")
    var url: String

    func run() throws {
        let notebook = try global.notebook()
        let repository = try Repository.open(at: notebook.root)
        if try repository.remote(named: name) != nil {
            throw CommandFailure(message: "a remote named '\(name)' already exists; see hearth remote -v")
        }
        // A relative local path means "from here", as typed; stored absolute, it keeps meaning
        // that from any folder and any -C.
        let remote = try repository.addRemote(name: name, url: RemoteAddress.resolved(url, from: try global.workingDirectory()))
        print("Added remote \(remote.name) \(remote.displayURL); run hearth sync to send and receive.")
    }
}

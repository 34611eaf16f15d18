import ArgumentParser
import GitKit
import NoteKit
import SyncKit

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
        // An encrypted remote shows the URL of the repository that carries its ciphertext.
        let shown = remotes.map { remote in
            let carrier = EncryptedRemotes.carrierURL(ofRemoteURL: remote.url)
            return (name: remote.name, url: Remote.redacted(carrier ?? remote.url), encrypted: carrier != nil,
                    key: carrier.map { _ in EncryptedRemotes.keyStatus(root: notebook.root, name: remote.name) })
        }
        if json {
            JSONOutput.write(rows: shown) { remote in
                var fields: [(String, JSONValue)] = [("name", .string(remote.name)), ("url", .string(remote.url)), ("encrypted", .bool(remote.encrypted))]
                if let key = remote.key {
                    fields.append(("key_on_this_device", .bool(key == .kept)))
                    if case let .unusable(problem) = key { fields.append(("key_problem", .string(problem.description))) }
                }
                return .object(fields)
            }
            return
        }
        for remote in shown {
            let note: String
            switch remote.key {
            case nil: note = ""
            case .kept: note = "\t(encrypted)"
            case .absent: note = "\t(encrypted; no key on this device)"
            // A key file others can read is not "no key": say what is wrong so it can be mended.
            case let .unusable(problem): note = "\t(encrypted; the key on this device cannot be used: \(problem))"
            }
            Terminal.standardOutput.write(verbose ? "\(remote.name)\t\(remote.url)\(note)\n" : "\(remote.name)\n")
        }
    }
}

import ArgumentParser
import Foundation
import SyncKit

/// `hearth resolve REF (--keep DEVICE | --both | --edit)`.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a recorded conflict: keep one device's version, keep both, or edit.",
        discussion: """
            REF is a conflict id from hearth conflicts, or an entry (path or date) to settle all of \
            its conflicts. The entry's markers (or extra copy) and the record go away in one commit, \
            which the next hearth sync sends to your other devices. --edit opens $VISUAL/$EDITOR \
            on the entry when run at a terminal; elsewhere it accepts the entry as you left it, once \
            no hearth:conflict marker remains.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A conflict id, or an entry path or date.")
    var reference: String

    @Option(help: ArgumentHelp("Keep this device's version.", valueName: "DEVICE"), completion: ConflictDeviceCompletion.kind)
    var keep: String?

    @Flag(help: "Keep both versions (texts one after the other; both files).")
    var both = false

    @Flag(help: "Edit the entry yourself.")
    var edit = false

    func validate() throws {
        let chosen = [keep != nil, both, edit].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("choose exactly one of --keep DEVICE, --both or --edit")
        }
    }

    func run() throws {
        let notebook = try global.notebook()
        let resolver = try ConflictResolver(root: notebook.root)
        let entryPath = try? global.resolve(reference, in: notebook)
        let records = try resolver.records(matching: reference, entryPath: entryPath)
        let choice: ResolveChoice
        if let keep {
            choice = .keep(device: keep)
        } else if both {
            choice = .both
        } else {
            choice = .edited
            if Editor.isAvailable, let path = records.first?.conflict.path {
                try Editor.open(path, in: notebook)
            }
        }
        let outcome = try resolver.resolve(records, choice: choice)
        print("Resolved: \(outcome.subject) (commit \(outcome.commit.prefix(7))); hearth sync sends it.")
    }
}

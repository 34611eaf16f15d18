import Foundation
import SyncKit

// `hearth -C DIR ...` works like git: each `-C` before the command changes directory first.
let arguments = GlobalOptions.enterLeadingDirectories(Array(CommandLine.arguments.dropFirst()))

// A commit date hearth cannot read must stop every command before it writes anything, not be
// ignored halfway through a sync.
do {
    _ = try CommitDate.fromEnvironment()
} catch {
    Diagnostics.error("\(error)")
    exit(2)
}
Hearth.runAndExit(arguments)

import Foundation
import SyncKit

// A commit date hearth cannot read must stop every command before it writes anything, not be
// ignored halfway through a sync.
do {
    _ = try CommitDate.fromEnvironment()
} catch {
    Diagnostics.error("\(error)")
    exit(2)
}
Hearth.runAndExit(Array(CommandLine.arguments.dropFirst()))

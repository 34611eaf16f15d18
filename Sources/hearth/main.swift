import Foundation
import SyncKit

// `hearth -C DIR ...` works like git: each leading `-C` changes directory before anything else,
// so every subcommand sees the notebook as its working directory.
var arguments = Array(CommandLine.arguments.dropFirst())
while arguments.first == "-C" || arguments.first?.hasPrefix("-C") == true && arguments.first!.count > 2 {
    let flag = arguments.removeFirst()
    let directory: String
    if flag == "-C" {
        guard !arguments.isEmpty else {
            Diagnostics.error("-C needs a directory")
            exit(2)
        }
        directory = arguments.removeFirst()
    } else {
        directory = String(flag.dropFirst(2))
    }
    guard FileManager.default.changeCurrentDirectoryPath(directory) else {
        Diagnostics.error("cannot change to '\(directory)': no such directory")
        exit(2)
    }
    GlobalOptions.directoryNamedBeforeCommand = true
}
// A commit date hearth cannot read must stop every command before it writes anything, not be
// ignored halfway through a sync.
do {
    _ = try CommitDate.fromEnvironment()
} catch {
    Diagnostics.error("\(error)")
    exit(2)
}
Hearth.runAndExit(arguments)

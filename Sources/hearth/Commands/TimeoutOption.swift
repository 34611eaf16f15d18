import ArgumentParser
import Foundation
import GitKit
import SyncKit

/// `--timeout SECONDS` for the commands that talk to a remote (sync, clone).
struct TimeoutOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Give up on a remote that sends nothing for this long (default: git config hearth.timeout, else 30).",
        valueName: "SECONDS"
    ))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout \(timeout) is not a positive number of seconds")
        }
    }

    /// The limit: `--timeout`, else `hearth.timeout` from the git config of `notebook` (which
    /// includes the user's global config), else 30 s.
    func seconds(notebook: URL?) throws -> TimeInterval {
        if let timeout { return timeout }
        // A notebook without a repository of its own has no config: the command's own opening
        // of it says so, in words.
        guard let notebook, let repository = try? Repository.open(at: notebook),
              let text = try repository.configString("hearth.timeout") else {
            return SyncNetwork.defaultTimeout
        }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
            throw CommandFailure(message: "git config hearth.timeout is '\(text)', not a positive number of seconds; "
                + "fix it with `git config hearth.timeout 30`")
        }
        return value
    }
}

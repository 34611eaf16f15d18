import Foundation
import TestSupport
import Testing

extension TemporaryNotebook {
    /// Whether `script` (util-linux) is here to give hearth a pseudo-terminal.
    static let canFakeTerminal = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// Runs the built `hearth` under `script`, so stdin and stdout are a terminal, as for a person.
    /// Everything the terminal showed comes back in `stdoutData`.
    func hearthOnTerminal(_ arguments: [String], environment extra: [String: String]) throws -> ProcessResult {
        let binary = try #require(HearthBinary.url)
        guard Self.canFakeTerminal else {
            throw SetupFailure(message: "/usr/bin/script (util-linux, Debian's bsdutils) is missing: it gives hearth a pseudo-terminal")
        }
        let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"],
                                     in: root, environment: environment(extra))
    }
}

import ArgumentParser
import Foundation
import JournalKit

/// What hearth prints for a command line ArgumentParser refused: the `hearth: error:` line every
/// other error uses, naming the nearest command or option when one was mistyped
/// (`unknown command 'tody'; did you mean 'today'?`), then ArgumentParser's usage lines.
///
/// Commands come from each command's configuration (names and aliases); options from the
/// command's own description of its arguments (the JSON `--experimental-dump-help` prints), so
/// neither list can drift from what the parser accepts. Help, `--version` and completion
/// scripts never come here: they parse.
enum UsageErrorReport {
    /// The text to print on standard error for `error`, thrown by parsing `arguments`.
    static func text(for error: any Error, arguments: [String]) -> String {
        let full = Hearth.fullMessage(for: error)
        let message = Hearth.message(for: error)
        // ArgumentParser's text is "Error: MESSAGE\n" followed by its usage lines.
        let prefix = "Error: " + message
        let usage = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : "\n" + full
        return "hearth: error: " + (mistake(in: arguments)?.description ?? restyled(message)) + usage
    }

    /// The first name on the command line that hearth does not know, when there is one.
    static func mistake(in arguments: [String]) -> CommandLineMistake? {
        guard let words = withoutDirectories(arguments) else { return .missingDirectory }
        var command: any ParsableCommand.Type = Hearth.self
        var path = [Hearth._commandName]
        var rest = words[...]
        while !command.configuration.subcommands.isEmpty {
            guard let index = rest.firstIndex(where: { !$0.hasPrefix("-") }) else { break }
            let word = rest[index]
            let subcommands = command.configuration.subcommands
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(next._commandName)
                rest = rest[(index + 1)...]
                continue
            }
            // ArgumentParser's own `hearth help COMMAND`.
            let builtIn = path.count == 1 ? ["help"] : []
            if builtIn.contains(word) { return nil }
            let visible = subcommands.filter { $0.configuration.shouldDisplay }.flatMap(names(of:))
            let suggestion = NameSuggestion.nearest(to: word, among: visible + builtIn)
            // Under a default subcommand (`remote` runs `remote list`) the word may be meant for
            // it; only a near miss of a subcommand's name is surely a mistake.
            if command.configuration.defaultSubcommand != nil && suggestion == nil { break }
            return .command(word, parent: path.joined(separator: " "), suggestion: suggestion)
        }
        // `hearth remote --json` is `hearth remote list --json`: options go to the default.
        if let fallback = command.configuration.defaultSubcommand { command = fallback }
        let known = longOptions(of: command)
        for argument in rest {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = String(argument.dropFirst(2).prefix { $0 != "=" })
            if known.contains(name) { continue }
            return .option("--" + name, suggestion: NameSuggestion.nearest(to: name, among: known).map { "--" + $0 })
        }
        return nil
    }

    /// `arguments` without the `-C DIR` options (a folder's name is not a command), or nil when a
    /// `-C` has no folder after it, as the parser sees it (nothing, or an option, follows).
    private static func withoutDirectories(_ arguments: [String]) -> [String]? {
        var words: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--" { return words + arguments[index...] }
            if word == "-C" {
                guard index + 1 < arguments.endIndex, !arguments[index + 1].hasPrefix("-") || arguments[index + 1] == "-" else { return nil }
                index += 2
                continue
            }
            if !(word.hasPrefix("-C") && !word.hasPrefix("--")) { words.append(word) }
            index += 1
        }
        return words
    }

    /// ArgumentParser's sentence in hearth's voice: lower case first (not in an acronym such
    /// as `YAML`), no closing full stop.
    private static func restyled(_ message: String) -> String {
        guard let first = message.first else { return message }
        let acronym = message.dropFirst().first?.isUppercase == true
        let lowered = acronym ? message : first.lowercased() + message.dropFirst()
        return lowered.hasSuffix(".") && !lowered.hasSuffix("..") ? String(lowered.dropLast()) : lowered
    }

    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    /// The long option names `command` takes (without `--`), from its own argument list.
    private static func longOptions(of command: any ParsableCommand.Type) -> [String] {
        guard let dump = try? JSONDecoder().decode(DumpedTool.self, from: Data(command._dumpHelp().utf8)) else { return [] }
        return (dump.command.arguments ?? []).flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map(\.name)
    }

    /// The part of `--experimental-dump-help`'s JSON that names a command's options.
    private struct DumpedTool: Decodable {
        struct Command: Decodable { let arguments: [Argument]? }
        struct Argument: Decodable { let names: [Name]? }
        struct Name: Decodable { let kind: String; let name: String }
        let command: Command
    }
}

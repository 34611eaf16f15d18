/// A name on the command line that hearth does not know, with the nearest one it does.
enum CommandLineMistake: Equatable, CustomStringConvertible {
    /// `hearth tody`, `hearth remote ad`: the word, the command it was given to (`hearth`,
    /// `hearth remote`) and the nearest subcommand.
    case command(String, parent: String, suggestion: String?)
    /// `hearth list --jsn`: the option as typed and the nearest one the command takes.
    case option(String, suggestion: String?)
    /// `hearth -C`: the folder is missing.
    case missingDirectory

    var description: String {
        switch self {
        case .command(let word, let parent, let suggestion):
            // `remote ad`: the words as typed after `hearth`, and the same for the suggestion.
            let prefix = parent.split(separator: " ").dropFirst().map { $0 + " " }.joined()
            return "unknown command '\(prefix)\(word)'" + Self.didYouMean(suggestion.map { prefix + $0 })
        case .option(let option, let suggestion):
            return "unknown option '\(option)'" + Self.didYouMean(suggestion)
        case .missingDirectory:
            return "-C needs a directory"
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

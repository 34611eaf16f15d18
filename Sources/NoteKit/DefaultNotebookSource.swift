/// Where the default notebook, the one commands use outside any notebook, is set.
public enum DefaultNotebookSource: Sendable, Equatable, CustomStringConvertible {
    /// The `HEARTH_NOTEBOOK` environment variable.
    case environment
    /// `hearth.notebook` in the user's global git config (`git config --global hearth.notebook DIR`).
    case gitConfig

    /// The environment variable naming the default notebook.
    public static let environmentVariable = "HEARTH_NOTEBOOK"
    /// The git config key naming the default notebook.
    public static let configKey = "hearth.notebook"

    public var description: String {
        switch self {
        case .environment: return Self.environmentVariable
        case .gitConfig: return "\(Self.configKey) in the global git config"
        }
    }
}

/// A problem found in one file, reported as `file:line: severity: message` like a compiler.
///
/// Parsers throw it, `hearth list` collects it and reports it after the listing, and `hearth check`
/// prints one per problem. The message says what is wrong; `hint` says what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file cannot be used as it is (hearth never rewrites it).
        case error
        /// The file is usable but something is probably not what the writer meant.
        case warning
    }

    /// The file's path, relative to the notebook root where there is one.
    public var path: String
    /// The 1-based line the problem is on; 0 when it concerns the whole file.
    public var line: Int
    /// Whether the file can be used at all.
    public var severity: Severity
    /// What is wrong.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// A change that would settle the problem, when there is one an app can offer.
    public var fix: Fix?

    /// Creates a diagnostic.
    public init(path: String, line: Int, severity: Severity = .error, message: String, hint: String? = nil, fix: Fix? = nil) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
        self.hint = hint
        self.fix = fix
    }

    /// `path:line: severity: message (hint)`, the form editors and `grep -n` users jump to.
    public var description: String {
        var text = line > 0 ? "\(path):\(line): " : "\(path): "
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

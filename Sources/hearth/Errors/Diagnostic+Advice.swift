import NoteKit

extension Diagnostic {
    /// The diagnostic with its fix, if it has one and no hint of its own, offered as the
    /// command that makes it: `hearth set PATH KEY=VALUE`.
    var advised: Diagnostic {
        guard hint == nil, case .setField(let key, let value)? = fix else { return self }
        var diagnostic = self
        diagnostic.hint = "hearth set \(path) \(key)=\(value)"
        return diagnostic
    }
}

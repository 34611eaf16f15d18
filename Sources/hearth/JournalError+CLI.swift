import JournalKit

extension JournalError {
    /// 2 when the command line is wrong as typed (no `=`, a key YAML would need quotes for, a
    /// likely misspelt key, a list that does not close), 1 when a value does not fit its key.
    var exitCode: Int32 {
        switch self {
        case .malformedAssignment, .invalidKey, .nearMissKey, .invalidList: return 2
        case .invalidValue, .invalidText: return 1
        }
    }

    /// The message as hearth prints it: the error, then `outcome` ("nothing was written") when
    /// given, then for a near miss the flag that keeps the key as typed.
    func message(outcome: String? = nil) -> String {
        var text = description
        if let outcome {
            // After "did you mean mood?" a new sentence starts.
            text += text.hasSuffix("?") ? " " + outcome.prefix(1).uppercased() + outcome.dropFirst() : "; " + outcome
        }
        if case .nearMissKey(let key, _) = self { text += " (use --new-key to add '\(key)' as it is)" }
        return text
    }

    /// The front-matter key whose line the message should point at: the key refused, or for a
    /// near miss the key meant.
    var lineKey: String? {
        switch self {
        case .invalidValue(let key, _, _), .invalidKey(let key, _), .invalidList(let key, _, _): return key
        case .nearMissKey(_, let suggestion): return suggestion
        case .malformedAssignment, .invalidText: return nil
        }
    }
}

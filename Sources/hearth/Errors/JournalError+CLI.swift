import JournalKit

extension JournalError {
    /// 2 when the command line is wrong as typed (no `=`, a key YAML would need quotes for, a
    /// likely misspelt key, a list that does not close, a refused value holding a second `=` as
    /// in `energy=3=4`), 1 when a value does not fit its key.
    var exitCode: Int32 {
        switch self {
        case .malformedAssignment, .invalidKey, .nearMissKey, .invalidList: return 2
        case .invalidValue(_, let value, _): return value.contains("=") ? 2 : 1
        case .invalidText, .unclosedCodeFence: return 1
        }
    }

    /// How to write what was probably meant, on the command line: nil when there is nothing to add.
    var advice: String? {
        switch self {
        case .invalidValue(_, let value, _) where value.contains("="):
            return "one '=' separates the key from its value"
        case .invalidList(let key, let value, _, let listKey):
            switch value.first(where: { $0 != " " && $0 != "\t" }) {
            case "[": if value.contains("]") { return nil }
            case "{": return nil
            default: return listKey ? "write \(key)=[a, b] or \(key)=a,b" : nil
            }
            guard listKey else { return "write \(key)=\(value)] for a list, or quote the text" }
            let items = value.drop { $0 != "[" }.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.drop { $0 == " " } }.joined(separator: ",")
            return "write \(key)=\(value)] or \(key)=\(items)"
        default:
            return nil
        }
    }

    /// The message as hearth prints it: the error, then `outcome` ("nothing was written") when
    /// given, then for a near miss the flag that keeps the key as typed.
    func message(outcome: String? = nil) -> String {
        var text = description
        if let advice { text += "; " + advice }
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
        case .invalidValue(let key, _, _), .invalidKey(let key, _), .invalidList(let key, _, _, _): return key
        case .nearMissKey(_, let suggestion): return suggestion
        case .malformedAssignment, .invalidText, .unclosedCodeFence: return nil
        }
    }
}

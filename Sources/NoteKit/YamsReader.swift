import Yams

/// The full YAML parser (Yams) for the front-matter the fast scanner does not read itself.
///
/// Values come back with their scalar text and quoting, then resolve with the same core schema as
/// the scanner's, so the two paths agree on every value (a test compares them on every fixture).
public enum YamsReader {
    /// Parses a whole front-matter text with Yams, keys in file order.
    ///
    /// - Throws: a ``Diagnostic`` with the file line Yams reports.
    public static func entries(of text: String, path: String = "", firstLine: Int = 2) throws(Diagnostic) -> [YAMLPair] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw diagnostic(for: error, text: text, path: path, firstLine: firstLine)
        }
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            throw Diagnostic(path: path, line: firstLine, message: "front-matter is not a list of 'key: value' lines",
                             hint: "front-matter must be a YAML mapping")
        }
        return mapping.map { YAMLPair(key: $0.key.string ?? "", value: convert($0.value)) }
    }

    /// Parses one top-level entry (`key:` and its continuation lines) and returns its value.
    static func value(ofEntry text: String, key: String, path: String, firstLine: Int) throws(Diagnostic) -> YAMLValue {
        let pairs = try entries(of: text, path: path, firstLine: firstLine)
        guard pairs.count == 1, let pair = pairs.first else {
            throw Diagnostic(path: path, line: firstLine, message: "cannot read the value of '\(key)'",
                             hint: "write it as 'key: value'")
        }
        return pair.value
    }

    static func convert(_ node: Node) -> YAMLValue {
        switch node {
        case .scalar(let scalar):
            let style: YAMLScalar.Style
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .literal, .folded: style = .block
            default:
                // An explicit `!!str 3` is text, as a quoted scalar would be.
                style = scalar.tag.rawValue == Tag.Name.str.rawValue ? .doubleQuoted : .plain
            }
            return .scalar(YAMLScalar(scalar.string, style: style))
        case .sequence(let sequence):
            return .list(sequence.map(convert))
        case .mapping(let mapping):
            return .map(mapping.map { YAMLPair(key: $0.key.string ?? "", value: convert($0.value)) })
        case .alias(let alias):
            return .scalar(YAMLScalar("*" + alias.anchor.rawValue))
        }
    }

    private static func diagnostic(for error: any Error, text: String, path: String, firstLine: Int) -> Diagnostic {
        var line = firstLine
        var message = "malformed YAML"
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                // An error found only at the end of the text (an unclosed `[` or quote) points past
                // the last line; the construct that was left open is where the user must look.
                let lastLine = max(1, text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                                   - (text.utf8.last == UInt8(ascii: "\n") ? 1 : 0))
                var errorLine = mark.line
                if errorLine > lastLine { errorLine = context?.mark.line ?? lastLine }
                line = firstLine + max(0, min(errorLine, lastLine) - 1)
                message = "malformed YAML: \(problem)"
            case .duplicatedKeysInMapping(let duplicates, _):
                message = "duplicate keys: \(duplicates.joined(separator: ", "))"
            default:
                message = "malformed YAML: \(yaml)"
            }
        }
        return Diagnostic(path: path, line: line, message: message,
                          hint: "fix the front-matter in an editor; hearth will not rewrite this file")
    }
}

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
        guard let mapping = try mapping(of: text, path: path, firstLine: firstLine) else { return [] }
        var pairs: [YAMLPair] = []
        for pair in mapping {
            pairs.append(YAMLPair(key: pair.key.string ?? "", value: try convert(pair.value, path: path, firstLine: firstLine)))
        }
        return pairs
    }

    /// Reads a whole front-matter block as one YAML document, for the valid YAML the line scanner
    /// does not split into entries itself: an alias to another key's anchor, explicit `? key`
    /// entries, a mapping whose keys are all indented. Each entry's lines run from its key to the
    /// next key, without the blank and comment lines before that.
    static func document(_ lines: [String], path: String, firstLine: Int) throws(Diagnostic) -> [FrontMatterEntry] {
        let text = lines.joined()
        guard let mapping = try mapping(of: text, path: path, firstLine: firstLine) else { return [] }
        var starts: [Int] = []
        for pair in mapping {
            var start = max(0, min(lines.count - 1, (pair.key.mark?.line ?? 1) - 1))
            // `?` alone on its line, the key below it: the entry starts at the `?`.
            while start > 0, FrontMatterScanner.trimmed(FrontMatterScanner.content(of: lines[start - 1])) == "?" { start -= 1 }
            // Two keys on one line (a flow mapping, a lone CR) or an alias as a key (its anchor's
            // line) give no entry lines of its own: one key per line is what edits and merges
            // work on, so such a block is refused as before, never half read.
            if let previous = starts.last, start <= previous {
                throw Diagnostic(path: path, line: firstLine + start,
                                 message: "two front-matter keys share this line, or a key is an alias",
                                 hint: "write each key on a line of its own, as 'key: value'")
            }
            starts.append(start)
        }
        var entries: [FrontMatterEntry] = []
        for (index, pair) in mapping.enumerated() {
            var end = index + 1 < starts.count ? starts[index + 1] : lines.count
            while end > starts[index] + 1 {
                guard FrontMatterComment.isBlankOrComment(lines[end - 1]) else { break }
                end -= 1
            }
            let value = try convert(pair.value, path: path, firstLine: firstLine)
            entries.append(FrontMatterEntry(key: pair.key.string ?? "", value: value, lines: starts[index]..<end))
        }
        return entries
    }

    /// The top-level mapping of a front-matter text, nil when the text holds no YAML at all.
    private static func mapping(of text: String, path: String, firstLine: Int) throws(Diagnostic) -> Node.Mapping? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw diagnostic(for: error, text: text, path: path, firstLine: firstLine)
        }
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            throw Diagnostic(path: path, line: firstLine, message: "front-matter is not a list of 'key: value' lines",
                             hint: "front-matter must be a YAML mapping")
        }
        return mapping
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

    static func convert(_ node: Node, path: String, firstLine: Int) throws(Diagnostic) -> YAMLValue {
        switch node {
        case .scalar(let scalar):
            let style: YAMLScalar.Style = switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal, .folded: .block
            default: .plain
            }
            let line = firstLine + max(0, (scalar.mark?.line ?? 1) - 1)
            return .scalar(try YAMLTag.apply(scalar.tag.rawValue, to: YAMLScalar(scalar.string, style: style), path: path, line: line))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try convert(item, path: path, firstLine: firstLine)) }
            return .list(items)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for pair in mapping {
                pairs.append(YAMLPair(key: pair.key.string ?? "", value: try convert(pair.value, path: path, firstLine: firstLine)))
            }
            return .map(pairs)
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

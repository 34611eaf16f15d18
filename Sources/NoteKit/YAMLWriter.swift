/// Writes front-matter values the way journal.md asks: one line per key, lists as flow
/// sequences, and strings quoted whenever a YAML 1.1 or 1.2 reader could take them for
/// something else (`"23:30"`, `"no"`, `"007"`).
public enum YAMLWriter {
    /// `key: value` without a terminator.
    public static func line(key: String, value: YAMLValue) -> String {
        let rendered = render(value)
        let keyText = needsQuotes(key) ? quoted(key) : key
        return rendered.isEmpty ? keyText + ":" : keyText + ": " + rendered
    }

    /// The value as it appears after `key: `.
    public static func render(_ value: YAMLValue) -> String {
        render(value, inFlow: false)
    }

    /// Inside `[...]` or `{...}` (`inFlow`), `,[]{}` end a plain scalar, so text holding them is quoted.
    static func render(_ value: YAMLValue, inFlow: Bool) -> String {
        switch value {
        case .scalar(let scalar): return render(scalar, inFlow: inFlow)
        case .list(let items): return "[" + items.map { render($0, inFlow: true) }.joined(separator: ", ") + "]"
        case .map(let pairs):
            return "{" + pairs.map { flowKey($0.key) + ": " + render($0.value, inFlow: true) }.joined(separator: ", ") + "}"
        }
    }

    /// One scalar, quoted when plain text would read back as something else.
    static func render(_ scalar: YAMLScalar, inFlow: Bool = false) -> String {
        let quote = needsQuotes(scalar.text) || (inFlow && hasFlowIndicator(scalar.text))
        switch scalar.style {
        case .plain:
            // A plain scalar whose text reads as null/bool/number keeps that meaning; text that would
            // not read back as itself gets quotes.
            if scalar.isNull {
                // An empty item in a flow list must be written, or `[a, ]` would drop it.
                return scalar.text == "~" || inFlow ? "~" : ""
            }
            // `007` reads as a number to YAML 1.2 but as octal or text elsewhere: it is kept as the
            // text it was typed as (quoted), so leading zeros survive. Numeric keys are made
            // canonical before they get here (see JournalKit's FieldValue).
            if scalar.resolvesToNonString && !YAMLWriter.yaml11Ambiguous(scalar.text) { return scalar.text }
            return quote ? quoted(scalar.text) : scalar.text
        case .singleQuoted, .doubleQuoted, .block:
            return quote || YAMLScalar(scalar.text).resolvesToNonString ? quoted(scalar.text) : scalar.text
        }
    }

    private static func flowKey(_ key: String) -> String {
        needsQuotes(key) || hasFlowIndicator(key) ? quoted(key) : key
    }

    private static func hasFlowIndicator(_ text: String) -> Bool {
        text.unicodeScalars.contains { ",[]{}".unicodeScalars.contains($0) }
    }

    /// Whether plain text would be read back differently or is not valid as a plain scalar.
    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-5` and `-x` read back as plain text; `- x` and `---` do not.
            let plainDash = first == "-" && text.count > 1 && !text.hasPrefix("- ") && !text.hasPrefix("---")
            if !plainDash { return true }
        }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) { return true }
        if YAMLScalar(text).resolvesToNonString { return true }
        return yaml11Ambiguous(text)
    }

    /// Text that YAML 1.1 readers (Obsidian, PyYAML, older tools) would read as a bool, a
    /// sexagesimal number or a number with leading zeros, so quoting keeps them all agreeing.
    static func yaml11Ambiguous(_ text: String) -> Bool {
        switch text.lowercased() {
        case "y", "n", "yes", "no", "on", "off": return true
        default: break
        }
        let bytes = Array(text.utf8)
        // `23:30`, `1:02:03`: digits and colons only, at least one colon.
        if bytes.contains(UInt8(ascii: ":")), bytes.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) {
            return true
        }
        // `007` is octal to YAML 1.1.
        if bytes.count > 1, bytes[0] == UInt8(ascii: "0"), bytes.allSatisfy({ (48...57).contains($0) }) { return true }
        return false
    }

    /// A double-quoted YAML string with the escapes YAML requires.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value):
                // C0 and C1 controls are not printable YAML; libyaml refuses them raw.
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

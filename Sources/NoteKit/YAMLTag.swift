import Foundation

/// An explicit tag on a scalar (`!!int "3"`, `!!str 3`, `!!null ''`), applied as YAML 1.2 says:
/// the tag, not the quoting, decides what the value is.
///
/// A tagged scalar becomes an untagged one that the core schema resolves to the same value
/// (`!!int "3"` reads as the plain `3`, `!!str 3` as the quoted `"3"`), so every reader of
/// ``YAMLScalar`` honours the tag without knowing about it. A value the tag cannot describe
/// (`!!int "three"`) is an error naming the line, as a YAML 1.2 reader would refuse it.
enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"

    /// `scalar` as its tag makes it; other tags (`!!timestamp`, `!local`) leave it as it is.
    static func apply(_ tag: String, to scalar: YAMLScalar, path: String, line: Int) throws(Diagnostic) -> YAMLScalar {
        guard !tag.isEmpty else { return scalar }
        let text = scalar.text
        let plain = YAMLScalar(text)
        switch tag {
        case "!", prefix + "str":
            // `!` is the non-specific tag: on a scalar it means a string, like `!!str`.
            return scalar.style == .plain ? YAMLScalar(text, style: .doubleQuoted) : scalar
        case prefix + "int":
            guard CoreInteger(text) != nil else {
                throw mismatch("!!int", text, path: path, line: line, forms: "whole numbers such as 12, -3, 0o17 or 0x1F")
            }
            return plain
        case prefix + "float":
            // A float may be written without a point (`!!float 1`); the point keeps it a float.
            let integer = CoreInteger(text)
            if let integer, integer.radix == 10 { return YAMLScalar(text + ".0") }
            guard integer == nil, plain.double != nil else {
                throw mismatch("!!float", text, path: path, line: line, forms: "numbers such as 1.5, -2, 1e3, .inf or .nan")
            }
            return plain
        case prefix + "bool":
            guard plain.bool != nil else {
                throw mismatch("!!bool", text, path: path, line: line, forms: "true or false")
            }
            return plain
        case prefix + "null":
            guard plain.isNull else {
                throw mismatch("!!null", text, path: path, line: line, forms: "null, ~ or nothing")
            }
            return YAMLScalar("")
        default:
            return scalar
        }
    }

    private static func mismatch(_ tag: String, _ text: String, path: String, line: Int, forms: String) -> Diagnostic {
        // A block scalar's text ends in a line break: shown escaped, the message stays one line.
        let shown = text.replacingOccurrences(of: "\n", with: "\\n")
        return Diagnostic(path: path, line: line, message: "'\(tag)' cannot apply to '\(shown)': it takes \(forms)",
                   hint: "remove the tag or correct the value; hearth will not rewrite this file")
    }
}

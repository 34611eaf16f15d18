/// One YAML scalar as written: its text and how it was quoted.
///
/// Values are kept as text and resolved on access with the YAML 1.2 core schema, so `no` stays the
/// string "no" and a quoted `"23:30"` stays a time string, while `3` reads as an integer. A key's
/// declared type (journal.md) decides what a reader asks for; the text itself is never lost.
public struct YAMLScalar: Hashable, Sendable {
    /// How the scalar was written in the file.
    public enum Style: Hashable, Sendable {
        /// Unquoted: resolved by the core schema (null, bool, int, float, else string).
        case plain
        /// `'single quoted'`: always a string.
        case singleQuoted
        /// `"double quoted"`: always a string.
        case doubleQuoted
        /// `|` or `>` block scalar: always a string.
        case block
    }

    /// The scalar's value after unquoting and unescaping.
    public var text: String
    /// How it was written.
    public var style: Style

    /// Creates a scalar.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// True for `~`, `null`, an empty plain value: "not recorded" in journal terms.
    public var isNull: Bool {
        guard style == .plain else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The boolean, for `true`/`false` only (core schema); `yes`, `no`, `on`, `off` are strings.
    public var bool: Bool? {
        guard style == .plain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer for a plain decimal, `0x` hex or `0o` octal literal, exactly as the core schema
    /// forms them (`[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`: a sign only before decimal digits,
    /// never twice); nil for anything else and for an integer beyond 64 bits (see ``integerDigits``).
    public var int: Int? {
        guard style == .plain else { return nil }
        return CoreInteger(text)?.value
    }

    /// A core-schema integer of any size in decimal digits (`-` before a negative one), so an
    /// integer beyond 64 bits is kept exact rather than rounded to a float.
    public var integerDigits: String? {
        guard style == .plain else { return nil }
        return CoreInteger(text)?.decimalDigits
    }

    /// The number for a plain int or float literal (`.inf`, `.nan` included).
    ///
    /// An integer beyond 2^53 reads as the nearest `Double`; callers that must be exact (JSON
    /// output, `--where` comparisons, the review) use ``integerDigits``.
    public var double: Double? {
        guard style == .plain, let first = text.utf8.first else { return nil }
        if let integer = CoreInteger(text) { return integer.value.map(Double.init) ?? Double(integer.decimalDigits) }
        // Every other number starts with a digit, a sign or a dot: most text is turned away here.
        guard (48...57).contains(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") else { return nil }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard YAMLScalar.looksLikeFloat(text) else { return nil }
        return Double(text)
    }

    /// The text unless the scalar is null; numbers and booleans read as their text.
    public var string: String? { isNull ? nil : text }

    /// A `YYYY-MM-DD` date, quoted or not.
    public var date: LocalDate? { LocalDate(text) }

    /// Whether the core schema would read this plain text as something other than a string.
    var resolvesToNonString: Bool {
        isNull || bool != nil || double != nil
    }

    /// Core schema float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    static func looksLikeFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, (48...57).contains(byte) { bytes = bytes.dropFirst(); count += 1 }
            return count
        }
        let whole = digits()
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}

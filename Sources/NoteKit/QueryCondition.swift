/// One `--where` test on a front-matter field: `energy<=2`, `tags=travel`, `sick`, `!fever_c`.
///
/// A missing or empty key means "not recorded" (journal.md): it fails every comparison and
/// matches only `!key`. On a list, `=` tests membership, `~` whether some item contains the
/// text, and `<`..`>=` test any element.
public struct QueryCondition: Sendable, Hashable {
    /// The comparison.
    public enum Operator: String, Sendable, CaseIterable {
        /// Equal: numerically for numbers, as dates for dates, else as text; membership on lists.
        case equal = "="
        /// Not equal; on lists, not a member.
        case notEqual = "!="
        /// Less than.
        case less = "<"
        /// Less than or equal.
        case lessOrEqual = "<="
        /// Greater than.
        case greater = ">"
        /// Greater than or equal.
        case greaterOrEqual = ">="
        /// Substring (case-insensitive) on text; on lists, some item contains it.
        case contains = "~"
        /// The key is present with a value.
        case exists
        /// The key is absent or empty.
        case absent
    }

    /// The front-matter key.
    public var key: String
    /// The comparison.
    public var op: Operator
    /// The right-hand side, nil for `exists`/`absent`.
    public var operand: String?

    /// Creates a condition.
    public init(key: String, op: Operator, operand: String? = nil) {
        self.key = key
        self.op = op
        self.operand = operand
    }

    /// Parses `KEY`, `!KEY` or `KEY OP VALUE` (OP one of `= != < <= > >= ~`; VALUE may be quoted).
    ///
    /// KEY is a name of letters, marks, numbers, `_`, `-` and `.`, or any key
    /// quoted as front-matter quotes it (`"weight (kg)"`, `'it''s'`). The text is read by
    /// Unicode scalars, not Characters: a key written decomposed (`cafe` and U+0301) ends in a
    /// combining mark, and a "prepend" mark (U+0600) makes one Character with the operator after it.
    public init(parsing text: String) throws(QueryError) {
        let trimmed = FrontMatterScanner.trimmed(Substring(text))
        let scalars = trimmed.unicodeScalars
        if scalars.first == "!" && !scalars.starts(with: "!=".unicodeScalars) {
            let (key, rest) = try Self.splitKey(FrontMatterScanner.trimmed(Substring(scalars.dropFirst())), in: text)
            guard let key, rest.isEmpty else { throw QueryError(expression: text, reason: "'!' must be followed by a key name alone") }
            self.init(key: key, op: .absent)
            return
        }
        let (key, afterKey) = try Self.splitKey(trimmed, in: text)
        guard let opScalar = afterKey.unicodeScalars.first else {
            guard let key else { throw QueryError(expression: text, reason: "not a key name" + Self.lookalikeAdvice(in: trimmed)) }
            self.init(key: key, op: .exists)
            return
        }
        guard let key, Self.isOperatorScalar(opScalar) else {
            // An unquoted name with spaces or symbols (`weight (kg)>=70`): show it quoted.
            let typed = FrontMatterScanner.trimmed(Substring(trimmed.unicodeScalars.dropLast(afterKey.unicodeScalars.count))).unicodeScalars
            let quoted = String(String.UnicodeScalarView(typed.flatMap { $0 == "'" ? ["'", "'"] : [$0] }))
            let advice = quoted.isEmpty || typed.first == "\"" || typed.first == "'" ? "" : "; quote it: '\(quoted)'\(afterKey)"
            throw QueryError(expression: text, reason: "expected a key name before the operator" + advice)
        }
        let op = [Operator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater, .contains]
            .first { afterKey.unicodeScalars.starts(with: $0.rawValue.unicodeScalars) }
        guard let op else { throw QueryError(expression: text, reason: "unknown operator") }
        let valueScalars = afterKey.unicodeScalars.dropFirst(op.rawValue.unicodeScalars.count)
        // `≠` typed decomposed is `=` and U+0338: a value starting with a combining mark would
        // test for a value nobody has.
        if let mark = valueScalars.first, Self.isCombiningMark(mark) {
            let typed = String(String.UnicodeScalarView(op.rawValue.unicodeScalars + [mark]))
            let advice = op == .equal && mark == "\u{338}" ? "; use !=" : "; quote a value that starts with a combining mark"
            throw QueryError(expression: text, reason: "'\(typed)' is not an operator" + advice)
        }
        var value = String(FrontMatterScanner.trimmed(Substring(valueScalars)))
        if value.isEmpty { throw QueryError(expression: text, reason: "missing a value after '\(op.rawValue)'") }
        if let first = value.unicodeScalars.first, Self.isOperatorScalar(first) {
            throw QueryError(expression: text, reason: "unknown operator '\(op.rawValue)\(first)'")
        }
        // `date>=2026-02-30` would quietly compare as text: a day that does not exist is a mistake.
        if op != .contains, LocalDate.isDateShaped(value), let problem = LocalDate.problem(with: value) {
            throw QueryError(expression: text, reason: problem)
        }
        let valueEnds = value.unicodeScalars
        if valueEnds.count >= 2, let first = valueEnds.first, first == "\"" || first == "'", valueEnds.last == first {
            value = String(valueEnds.dropFirst().dropLast())
        }
        self.init(key: key, op: op, operand: value)
    }

    /// The key at the start of `text` and the text after it (from the operator on, or empty); the
    /// key is nil when `text` does not start with one. An unquoted key ends at the first operator
    /// scalar, trimmed.
    private static func splitKey(_ text: Substring, in expression: String) throws(QueryError) -> (key: String?, rest: Substring) {
        if let first = text.unicodeScalars.first, first == "\"" || first == "'" {
            guard let (key, rest) = FrontMatterScanner.quotedKey(text) else {
                throw QueryError(expression: expression, reason: "the quoted key name is not closed (or holds a bad escape)")
            }
            return (key.isEmpty ? nil : key, FrontMatterScanner.trimmed(rest))
        }
        let scalars = text.unicodeScalars
        let end = scalars.firstIndex(where: isOperatorScalar) ?? scalars.endIndex
        let key = FrontMatterScanner.trimmed(Substring(scalars[..<end]))
        return (isKeyName(key) ? String(key) : nil, Substring(scalars[end...]))
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// "; use >=" when `text` holds a mathematical sign for an operator (`≥`, `≤`, `≠`), else "".
    private static func lookalikeAdvice(in text: Substring) -> String {
        let signs: [(Unicode.Scalar, String)] = [("\u{2265}", ">="), ("\u{2264}", "<="), ("\u{2260}", "!=")]
        guard let (sign, op) = signs.first(where: { text.unicodeScalars.contains($0.0) }) else { return "" }
        return "; '\(sign)' is not an operator, use \(op)"
    }

    private static func isOperatorScalar(_ scalar: Unicode.Scalar) -> Bool {
        "=!<>~".unicodeScalars.contains(scalar)
    }

    /// Whether `key` can name a front-matter key unquoted: letters, marks (a decomposed `é` ends
    /// in U+0301), numbers, connector punctuation, format characters (the joiners of Persian and
    /// Indic words, "prepend" marks), `-` and `.`. Spaces and symbols need quotes, so a mistyped
    /// operator (`energy≥2`) is an error, not a test for a key nobody has.
    static func isKeyName(_ key: Substring) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                return true
            case .format:
                // Joiners and prepend marks, not the invisible ones (U+200B, U+FEFF, soft hyphen,
                // bidi controls) that would make a key that looks like another.
                return scalar.properties.isJoinControl || !scalar.properties.isDefaultIgnorableCodePoint
            default:
                return scalar.properties.isAlphabetic || scalar == "-" || scalar == "."
            }
        }
    }

    /// Whether a note's value satisfies the condition.
    public func matches(_ value: YAMLValue?) -> Bool {
        guard let value, !value.isNull else { return op == .absent }
        switch op {
        case .exists: return true
        case .absent: return false
        default: break
        }
        guard let operand else { return false }
        switch value {
        case .list(let items):
            switch op {
            case .equal: return items.contains { $0.string == operand }
            case .notEqual: return !items.contains { $0.string == operand }
            default: return items.contains { compare($0, operand) }
            }
        case .scalar:
            return compare(value, operand)
        case .map:
            return false
        }
    }

    private func compare(_ value: YAMLValue, _ operand: String) -> Bool {
        guard let scalar = value.scalar, !scalar.isNull else { return false }
        if op == .contains { return scalar.text.lowercased().contains(operand.lowercased()) }
        let ordering: Int
        if let numeric = YAMLScalar.numericOrder(scalar, YAMLScalar(operand)) {
            ordering = numeric
        } else if let left = scalar.date, let right = LocalDate(operand) {
            ordering = left < right ? -1 : left > right ? 1 : 0
        } else {
            ordering = scalar.text < operand ? -1 : scalar.text > operand ? 1 : 0
        }
        switch op {
        case .equal: return ordering == 0
        case .notEqual: return ordering != 0
        case .less: return ordering < 0
        case .lessOrEqual: return ordering <= 0
        case .greater: return ordering > 0
        case .greaterOrEqual: return ordering >= 0
        case .contains, .exists, .absent: return false
        }
    }
}

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
    public init(parsing text: String) throws(QueryError) {
        let trimmed = String(FrontMatterScanner.trimmed(Substring(text)))
        func validKey(_ key: Substring) -> Bool {
            !key.isEmpty && key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
        }
        guard let opStart = trimmed.firstIndex(where: { "=!<>~".contains($0) }) else {
            guard validKey(Substring(trimmed)) else { throw QueryError(expression: text, reason: "not a key name") }
            self.init(key: trimmed, op: .exists)
            return
        }
        if opStart == trimmed.startIndex && trimmed.hasPrefix("!") && !trimmed.hasPrefix("!=") {
            let key = trimmed.dropFirst()
            guard validKey(key), !key.contains(where: { "=!<>~".contains($0) }) else {
                throw QueryError(expression: text, reason: "'!' must be followed by a key name alone")
            }
            self.init(key: String(key), op: .absent)
            return
        }
        let key = FrontMatterScanner.trimmed(trimmed[..<opStart])
        guard validKey(key) else { throw QueryError(expression: text, reason: "expected a key name before the operator") }
        let afterKey = trimmed[opStart...]
        let op = [Operator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater, .contains]
            .first { afterKey.hasPrefix($0.rawValue) }
        guard let op else { throw QueryError(expression: text, reason: "unknown operator") }
        var value = String(FrontMatterScanner.trimmed(afterKey.dropFirst(op.rawValue.count)))
        if value.isEmpty { throw QueryError(expression: text, reason: "missing a value after '\(op.rawValue)'") }
        if let first = value.first, "=!<>~".contains(first) {
            throw QueryError(expression: text, reason: "unknown operator '\(op.rawValue)\(first)'")
        }
        // `date>=2026-02-30` would quietly compare as text: a day that does not exist is a mistake.
        if op != .contains, LocalDate.isDateShaped(value), let problem = LocalDate.problem(with: value) {
            throw QueryError(expression: text, reason: problem)
        }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        self.init(key: String(key), op: op, operand: value)
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

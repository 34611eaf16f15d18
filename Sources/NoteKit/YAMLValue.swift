/// A front-matter value: a scalar, a list or a map, in the order it was written.
public enum YAMLValue: Hashable, Sendable {
    /// A single value such as `3`, `"23:30"` or `deep work`.
    case scalar(YAMLScalar)
    /// A flow (`[a, b]`) or block (`- a`) sequence.
    case list([YAMLValue])
    /// A nested mapping, keys in file order.
    case map([YAMLPair])

    /// The null value, written as an empty `key:`.
    public static let null = YAMLValue.scalar(YAMLScalar(""))

    /// A plain scalar with the given text.
    public static func plain(_ text: String) -> YAMLValue { .scalar(YAMLScalar(text)) }

    /// A string value; it is quoted when written if plain text would read as something else.
    public static func string(_ text: String) -> YAMLValue { .scalar(YAMLScalar(text, style: .doubleQuoted)) }

    /// The scalar, when this is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The elements, when this is a list.
    public var list: [YAMLValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// True for a null scalar: the key is present but "not recorded".
    public var isNull: Bool { scalar?.isNull ?? false }

    /// See ``YAMLScalar/int``.
    public var int: Int? { scalar?.int }
    /// See ``YAMLScalar/double``.
    public var double: Double? { scalar?.double }
    /// See ``YAMLScalar/bool``.
    public var bool: Bool? { scalar?.bool }
    /// See ``YAMLScalar/string``.
    public var string: String? { scalar?.string }
    /// See ``YAMLScalar/date``.
    public var date: LocalDate? { scalar?.date }

    /// The elements' texts for a list, or a one-element list for a non-null scalar
    /// (so `tags: travel` and `tags: [travel]` read alike).
    public var strings: [String] {
        switch self {
        case .scalar(let scalar): return scalar.string.map { [$0] } ?? []
        case .list(let items): return items.compactMap(\.string)
        case .map: return []
        }
    }

    /// A plain-data view for JSON output: numbers, booleans, null, strings, arrays, objects.
    public var jsonObject: JSONValue {
        switch self {
        case .scalar(let scalar):
            if scalar.isNull { return .null }
            if let bool = scalar.bool { return .bool(bool) }
            if let int = scalar.int { return .int(int) }
            // An integer beyond 64 bits stays exact: never a rounded float.
            if let digits = scalar.integerDigits { return .bigInteger(digits) }
            if let double = scalar.double, double.isFinite { return .double(double) }
            return .string(scalar.text)
        case .list(let items): return .array(items.map(\.jsonObject))
        case .map(let pairs): return .object(pairs.map { ($0.key, $0.value.jsonObject) })
        }
    }
}

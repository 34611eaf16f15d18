/// One key and its value inside a nested front-matter map.
public struct YAMLPair: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAMLValue

    /// Creates a pair.
    public init(key: String, value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

/// A query the user wrote that hearth cannot read.
public struct QueryError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The expression as given.
    public var expression: String
    /// Why it cannot be read.
    public var reason: String

    /// Creates an error for one expression.
    public init(expression: String, reason: String) {
        self.expression = expression
        self.reason = reason
    }

    public var description: String {
        "cannot read '\(expression)': \(reason) (examples: 'energy<=2', 'tags=travel', 'sick', '!fever_c')"
    }
}

extension Diagnostic {
    /// A change to the file that would settle the problem, for a caller to offer in its own
    /// words (a command line, a button).
    public enum Fix: Hashable, Sendable {
        /// Give the front-matter key `key` a value like `value` (`VALUE` when any fitting value does).
        case setField(key: String, value: String)
    }
}

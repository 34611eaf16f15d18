import Foundation

/// A fixture's expected keys, in file order.
struct Golden {
    /// One key: its 1-based file lines (the key line plus continuation lines) and its value as JSON.
    struct Key {
        var fileLines: ClosedRange<Int>
        var key: String
        var json: String
    }

    var hasFrontMatter: Bool
    var keys: [Key]
}

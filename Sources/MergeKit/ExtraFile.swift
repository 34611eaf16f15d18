import Foundation

/// A file a merge writes beside the merged one (the other version of a file it could not interpret).
public struct ExtraFile: Sendable, Hashable {
    /// The repository-relative path.
    public var path: String
    /// The bytes to write there.
    public var data: Data

    /// Creates an extra file.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

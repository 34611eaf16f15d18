internal import GitKit

/// One file a sync brings to its new version: what it must still hold, and what to write.
struct CheckoutItem: Sendable {
    /// The path relative to the notebook root.
    var path: String
    /// The absolute path.
    var absolute: String
    /// What the file held at the snapshot; anything else means the user changed it since.
    var expected: WorkingFile
    /// The new bytes (a link's target for links) and mode; nil deletes the file.
    var new: (bytes: [UInt8], mode: UInt32)?
    /// The new blob, for the index.
    var newID: ObjectID?
}

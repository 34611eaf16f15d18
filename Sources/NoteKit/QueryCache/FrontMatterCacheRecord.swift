/// What a scan keeps of one entry for the next cache: the stamp it read the file with, and the
/// parsed front-matter, newly encoded or copied from the previous cache.
struct FrontMatterCacheRecord: Sendable {
    enum Content: Sendable {
        case encoded([UInt8])
        /// The index of an entry in the previous cache whose encoding still holds.
        case previous(Int)
    }

    var stamp: FileStamp
    var content: Content
}

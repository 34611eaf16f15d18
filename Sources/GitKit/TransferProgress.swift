/// How far a fetch, clone or push has got (`git_indexer_progress`, or a push's
/// `git_push_transfer_progress_cb` arguments).
///
/// For a push, the object counts are the objects written to the remote: `receivedObjects` and
/// `indexedObjects` both hold the number sent so far, `totalObjects` the number to send, and
/// `receivedBytes` the bytes sent; the delta counts stay 0.
public struct TransferProgress: Sendable, Hashable {
    /// Objects downloaded (or, for a push, sent) so far.
    public var receivedObjects: Int
    /// Objects the transfer will move in total.
    public var totalObjects: Int
    /// Objects already indexed (downloads) or sent (pushes).
    public var indexedObjects: Int
    /// Bytes downloaded (or sent) so far.
    public var receivedBytes: Int
    /// Deltas in the downloaded pack.
    public var totalDeltas: Int
    /// Deltas resolved so far.
    public var indexedDeltas: Int

    /// Creates a progress value; GitKit builds these inside its transfer callbacks.
    public init(
        receivedObjects: Int, totalObjects: Int, indexedObjects: Int, receivedBytes: Int,
        totalDeltas: Int = 0, indexedDeltas: Int = 0
    ) {
        self.receivedObjects = receivedObjects
        self.totalObjects = totalObjects
        self.indexedObjects = indexedObjects
        self.receivedBytes = receivedBytes
        self.totalDeltas = totalDeltas
        self.indexedDeltas = indexedDeltas
    }
}

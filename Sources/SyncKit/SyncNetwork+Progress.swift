internal import GitKit

extension SyncNetwork {
    /// How far a fetch, push or clone has got.
    public struct Progress: Sendable, Hashable {
        /// Objects received (fetch, clone) or sent (push) so far.
        public var objects: Int
        /// Objects the transfer moves in all; 0 while not yet known.
        public var totalObjects: Int
        /// Bytes received (or sent) so far.
        public var bytes: Int

        /// A progress value.
        public init(objects: Int, totalObjects: Int, bytes: Int) {
            self.objects = objects
            self.totalObjects = totalObjects
            self.bytes = bytes
        }

        /// GitKit's report, in these terms.
        init(_ transfer: TransferProgress) {
            self.init(objects: transfer.receivedObjects, totalObjects: transfer.totalObjects, bytes: transfer.receivedBytes)
        }
    }
}

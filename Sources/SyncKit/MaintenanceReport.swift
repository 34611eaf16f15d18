/// What `Syncer.maintain()` did to the notebook's repository: its packs before and after a repack
/// of every object into one pack. Loose objects are neither counted nor touched.
public struct MaintenanceReport: Sendable, Hashable, Codable {
    /// Packs in `.git/objects/pack` before, kept ones included.
    public var packsBefore: Int
    /// Packs there afterwards.
    public var packsAfter: Int
    /// Bytes of the packs (`.pack` and `.idx` files) before.
    public var bytesBefore: Int64
    /// Bytes of the packs afterwards.
    public var bytesAfter: Int64
    /// Objects written into the new pack; 0 when there was nothing to pack and nothing was written.
    public var objectsWritten: Int

    /// Creates a report from its parts.
    public init(packsBefore: Int, packsAfter: Int, bytesBefore: Int64, bytesAfter: Int64, objectsWritten: Int) {
        self.packsBefore = packsBefore
        self.packsAfter = packsAfter
        self.bytesBefore = bytesBefore
        self.bytesAfter = bytesAfter
        self.objectsWritten = objectsWritten
    }
}

/// What `Repository.repack(threads:)` did: the repository's packs before and after, and the pack
/// it wrote. Loose objects are neither counted nor touched by a repack.
public struct RepackOutcome: Sendable, Equatable {
    /// Packs in `objects/pack` before the repack, kept ones (`.keep`) included.
    public var packsBefore: Int
    /// Packs there afterwards: the new one, the kept ones, and any old pack holding an object the
    /// new pack lacks (none, unless another process added a pack meanwhile).
    public var packsAfter: Int
    /// Bytes of the packs' `.pack` and `.idx` files before the repack.
    public var bytesBefore: Int64
    /// Bytes of the packs' `.pack` and `.idx` files afterwards.
    public var bytesAfter: Int64
    /// Objects in the new pack; 0 when the repository had no object to pack and nothing was written.
    public var objectsWritten: Int
    /// Of `objectsWritten`, the objects of the old packs that no reference, HEAD or the index
    /// reaches (reflogs are not followed). They are packed anyway so that a repack never drops
    /// an object; whether to drop them is for pruning, with its grace period, to decide.
    public var unreachableObjects: Int
    /// The new pack's name (`pack-<sha1>`, its files `objects/pack/pack-<sha1>.pack` and `.idx`),
    /// or nil when nothing was written.
    public var newPack: String?
    /// The old packs removed because the new one holds every object of theirs, by name.
    public var removedPacks: [String]

    /// Creates an outcome from its parts; `Repository.repack(threads:)` builds these.
    public init(packsBefore: Int, packsAfter: Int, bytesBefore: Int64, bytesAfter: Int64, objectsWritten: Int,
                unreachableObjects: Int, newPack: String?, removedPacks: [String]) {
        self.packsBefore = packsBefore
        self.packsAfter = packsAfter
        self.bytesBefore = bytesBefore
        self.bytesAfter = bytesAfter
        self.objectsWritten = objectsWritten
        self.unreachableObjects = unreachableObjects
        self.newPack = newPack
        self.removedPacks = removedPacks
    }
}

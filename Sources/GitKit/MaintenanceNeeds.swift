/// What a cheap look at a repository's object folders found, and whether maintenance is due.
public struct MaintenanceNeeds: Sendable, Equatable {
    /// Packs with their index, kept ones not counted.
    public var packs: Int
    /// Loose objects, counted from the fan-out folders' listings.
    public var looseObjects: Int
    /// Whether a threshold of the policy is crossed.
    public var isDue: Bool
    /// Whether the work that is due is small enough to do in the middle of a sync (a few small
    /// packs and loose objects to roll up), rather than a whole repack.
    public var isCheap: Bool
    /// Objects a roll-up would write now (the small packs' objects, from their indexes'
    /// headers, plus the loose ones).
    public var rollUpObjects: Int
    /// Bytes of the packs' `.pack` and `.idx` files, kept packs included.
    public var packBytes: Int64

    /// Creates needs from their parts.
    public init(packs: Int, looseObjects: Int, isDue: Bool, isCheap: Bool, rollUpObjects: Int = 0, packBytes: Int64 = 0) {
        self.packBytes = packBytes
        self.packs = packs
        self.looseObjects = looseObjects
        self.isDue = isDue
        self.isCheap = isCheap
        self.rollUpObjects = rollUpObjects
    }
}

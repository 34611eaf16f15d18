/// What a cheap look at a repository's object folders found, and whether maintenance is due.
public struct MaintenanceNeeds: Sendable, Equatable {
    /// Packs with their index, kept ones not counted.
    public var packs: Int
    /// Loose objects, estimated from the `objects/17` fan-out folder times 256, as git's
    /// `gc --auto` estimates them.
    public var looseObjects: Int
    /// Whether a threshold of the policy is crossed.
    public var isDue: Bool
    /// Whether the work that is due is small enough to do in the middle of a sync (a few small
    /// packs and loose objects to roll up), rather than a whole repack.
    public var isCheap: Bool

    /// Creates needs from their parts.
    public init(packs: Int, looseObjects: Int, isDue: Bool, isCheap: Bool) {
        self.packs = packs
        self.looseObjects = looseObjects
        self.isDue = isDue
        self.isCheap = isCheap
    }
}

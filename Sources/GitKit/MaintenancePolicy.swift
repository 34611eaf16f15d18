import Foundation

/// When a repository needs maintenance and how careful pruning is: the thresholds git's
/// `gc --auto` and `maintenance` (its incremental strategy) use, with the same defaults.
/// `looseRollUpLimit` and `rollUpPackLimit` make a small roll-up due early and often;
/// `packLimit` and `looseObjectLimit` are the bounds past which work is due whatever it costs.
public struct MaintenancePolicy: Sendable, Equatable {
    /// More packs than this (kept packs not counted) makes maintenance due: git's `gc.autoPackLimit`.
    public var packLimit: Int
    /// More loose objects than this makes maintenance due, whatever the roll-up costs: git's
    /// `gc.auto` (the `hearth.maintenance.looseLimit` setting).
    public var looseObjectLimit: Int
    /// This many loose objects or more makes a roll-up due: git's `maintenance.loose-objects.auto`
    /// (100). Well below `looseObjectLimit`, so that each run packs a few syncs' worth of objects
    /// and the notebook never carries thousands of 4 KiB loose files, as git's incremental
    /// maintenance strategy keeps a repository.
    public var looseRollUpLimit: Int
    /// This many packs or more outside the geometric progression (the small packs a roll-up would
    /// combine) makes a roll-up due: git's `maintenance.incremental-repack.auto` (10).
    public var rollUpPackLimit: Int
    /// The factor between neighbouring packs' object counts that a geometric repack keeps:
    /// smaller packs are rolled up until each pack holds at least this many times the objects of
    /// all smaller ones together (git's `repack --geometric=2`).
    public var geometricFactor: Int
    /// How old an unreachable object (or a leftover temporary file) must be before pruning may
    /// remove it: git's `gc.pruneExpire`, two weeks.
    public var pruneGrace: TimeInterval
    /// A roll-up of at most this many objects (small packs and loose objects together) is cheap:
    /// quick enough to run inside a sync (Hearth's own threshold, not git's).
    public var cheapObjectLimit: Int
    /// When the packs other than the biggest (kept ones aside), the loose objects and the cruft
    /// packs hold more than this share of the biggest pack's bytes, a full repack is due: a
    /// roll-up's pack has no deltas against the big pack, so without it a long-lived repository
    /// ends up well above the size of a packed copy (Hearth's own threshold; git leaves this to a
    /// daily `gc`). Cruft packs count toward the size but never make it due alone (a full repack
    /// keeps their objects until their grace period ends).
    public var fullRepackShare: Double
    /// The share rule applies only once the biggest pack holds at least this many bytes: below
    /// that the excess is small in absolute terms, and a full repack would follow nearly every sync.
    public var fullRepackMinimumBytes: Int64
    /// How old a reflog entry must be before a full run drops it: git's `gc.reflogExpire`, 90
    /// days. Every sync adds entries to HEAD's and the branches' reflogs, and each names objects
    /// pruning must keep, so without expiry a notebook synced for years grows by them for ever.
    public var reflogExpiry: TimeInterval = 90 * 24 * 3600

    /// Creates a policy; the defaults are git's (and Hearth's for `cheapObjectLimit` and the
    /// full-repack share).
    public init(packLimit: Int = 50, looseObjectLimit: Int = 6_700, geometricFactor: Int = 2,
                pruneGrace: TimeInterval = 14 * 24 * 3600, cheapObjectLimit: Int = 1_000,
                looseRollUpLimit: Int = 100, rollUpPackLimit: Int = 10, fullRepackShare: Double = 0.25,
                fullRepackMinimumBytes: Int64 = 1_000_000) {
        self.packLimit = packLimit
        self.looseObjectLimit = looseObjectLimit
        self.looseRollUpLimit = looseRollUpLimit
        self.rollUpPackLimit = rollUpPackLimit
        self.geometricFactor = geometricFactor
        self.pruneGrace = pruneGrace
        self.cheapObjectLimit = cheapObjectLimit
        self.fullRepackShare = fullRepackShare
        self.fullRepackMinimumBytes = fullRepackMinimumBytes
    }

    /// git's defaults.
    public static let standard = MaintenancePolicy()
}

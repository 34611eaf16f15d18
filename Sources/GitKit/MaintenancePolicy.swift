import Foundation

/// When a repository needs maintenance and how careful pruning is: the thresholds git's
/// `gc --auto` and `maintenance` use, with the same defaults.
public struct MaintenancePolicy: Sendable, Equatable {
    /// More packs than this (kept packs not counted) makes maintenance due: git's `gc.autoPackLimit`.
    public var packLimit: Int
    /// More loose objects than this (estimated from one fan-out folder, as git does) makes
    /// maintenance due: git's `gc.auto`.
    public var looseObjectLimit: Int
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

    /// Creates a policy; the defaults are git's (and Hearth's for `cheapObjectLimit`).
    public init(packLimit: Int = 50, looseObjectLimit: Int = 6_700, geometricFactor: Int = 2,
                pruneGrace: TimeInterval = 14 * 24 * 3600, cheapObjectLimit: Int = 5_000) {
        self.packLimit = packLimit
        self.looseObjectLimit = looseObjectLimit
        self.geometricFactor = geometricFactor
        self.pruneGrace = pruneGrace
        self.cheapObjectLimit = cheapObjectLimit
    }

    /// git's defaults.
    public static let standard = MaintenancePolicy()
}

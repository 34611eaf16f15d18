import Foundation
internal import GitKit
import VaultKit

/// One state of an encrypted remote's carrier, checked: the commit, the key that opened it, and
/// its manifest with the digest that the next manifest names as its previous one.
struct CarrierState {
    /// The carrier commit.
    var commit: ObjectID
    /// The notebook key that opened it.
    var key: VaultKey
    /// Its manifest, opened and authenticated.
    var manifest: VaultManifest
    /// The digest of its sealed manifest.
    var digest: String

    /// The manifest that follows this one in the chain, to be changed and sealed by the next push.
    var successor: VaultManifest {
        var next = manifest
        next.sequence += 1
        next.previous = digest
        return next
    }
}

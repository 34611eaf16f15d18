internal import Clibgit2

/// Whether libgit2 hashes every object it reads again and compares the result with the object's
/// id (on by default in libgit2).
package enum ObjectHashVerification {
    /// Stops the check for the rest of the process: about a tenth of the time a walk over ten
    /// years of commits takes. git itself never re-hashes on an ordinary read (only `git fsck`
    /// does), and nothing is lost by following it: a damaged object still fails to inflate (zlib
    /// checks its own checksum, loose and packed alike), objects a fetch receives are hashed by
    /// the indexer whatever this option says, and an object written from bytes read is named by
    /// the hash of those bytes. What the check alone would catch is an intact object stored under
    /// another object's name, which only a deliberate edit of `.git/objects` makes.
    package static func skipOnRead() {
        Libgit2.ensureInitialized()
        _ = hearth_set_strict_hash_verification(0)
    }
}

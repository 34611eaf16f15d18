import Foundation

/// The names and the version of an encrypted remote's layout. The carrier (the remote git
/// repository) holds, on ``branch``: ``readmeFile`` (plain text for whoever browses the host),
/// ``keyFile`` (the ``KeyEnvelope``), ``manifestFile`` (the sealed ``VaultManifest``) and one sealed
/// pack per push under ``packFolder``.
public enum VaultFormat {
    /// The format version written in the readme, the key envelope, the local key file and every
    /// sealed file's header.
    public static let version = 1
    /// The one branch of the carrier.
    public static let branch = "refs/heads/hearth-encrypted"
    /// The plaintext readme's file name.
    public static let readmeFile = "HEARTH-ENCRYPTED"
    /// The key envelope's file name.
    public static let keyFile = "key"
    /// The sealed manifest's file name.
    public static let manifestFile = "manifest"
    /// The folder of the sealed packs, each named by ``VaultPack/newName()``.
    public static let packFolder = "packs"

    /// The readme's bytes: it tells a person browsing the host what the opaque files are, and
    /// that nothing else is there to read. It says nothing about the notebook.
    public static var readme: Data {
        Data("""
        This repository holds a Hearth notebook encrypted end to end; only hearth with the passphrase can read it.
        Format: hearth-encrypted \(version)

        """.utf8)
    }
}

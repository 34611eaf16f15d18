import Foundation
import GitKit
import SyncKit
import TestSupport

extension SyncWorld {
    /// The passphrase of every encrypted world.
    static let passphrase = "three devices, one vault"

    /// Runs `body` in a world like ``with(devices:files:_:)``'s, whose devices share an encrypted
    /// remote instead: the first device's `origin` is the encrypted remote whose carrier is the
    /// bare repository `carrier.git`, added as `hearth remote add --encrypt` does, and the others
    /// are cloned from it as `hearth clone` does. Every device keeps the key, so ``sync(_:checkpoint:)``
    /// needs no passphrase. (The world's plain `remote.git` stays as the first sync left it.)
    static func withEncryptedRemote<R>(devices: [String], files: [String: String] = [:], _ body: (SyncWorld) throws -> R) throws -> R {
        try with(devices: [devices[0]], files: files) { world in
            let carrier = world.carrier
            _ = try Repository.create(at: carrier, initialBranch: "main", bare: true)
            try world.git(devices[0])("remote", "remove", "origin")
            _ = try EncryptedRemotes.add(root: world.root(devices[0]), name: "origin", url: carrier.path(percentEncoded: false),
                                         passphrase: passphrase)
            try world.sync(devices[0])
            for device in devices.dropFirst() {
                _ = try NotebookClone.clone(from: carrier.path(percentEncoded: false), to: world.root(device), device: device,
                                            passphrase: { passphrase })
            }
            return try body(world)
        }
    }

    /// The carrier of a world made by ``withEncryptedRemote(devices:files:_:)``.
    var carrier: URL { base.appending(path: "carrier.git", directoryHint: .isDirectory) }
}

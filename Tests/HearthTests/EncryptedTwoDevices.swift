import Foundation
import TestSupport
import Testing

/// The two devices of ``SyncCommandTests/TwoDevices`` joined through an encrypted remote, for the
/// crash tests to run over both kinds of remote.
enum EncryptedTwoDevices {
    /// The passphrase of the remote; each device keeps the key after its first use.
    static let environment = ["HEARTH_PASSPHRASE": "kill-test passphrase"]

    /// Makes `origin` an encrypted remote with its carrier at `devices.remote`, pushes the
    /// laptop's notebook there and clones it as the desk.
    static func connect(_ devices: SyncCommandTests.TwoDevices) throws {
        let notebook = devices.notebook
        try notebook.hearth(["remote", "add", "origin", devices.remote.path, "--encrypt"], environment: environment).requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try notebook.hearth(["clone", devices.remote.path, devices.desk.path, "--device", "desk"], in: notebook.base,
                            environment: environment).requireSuccess()
    }

    /// The carrier copy of `origin` in the notebook at `root`.
    static func carrierCopy(of root: URL) -> URL {
        root.appending(path: ".git/hearth/encrypted/origin/carrier.git")
    }
}

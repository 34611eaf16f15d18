import Foundation

/// OpenSSH's `ssh-keygen`, for the keys ssh tests need: host keys, user keys, fingerprints.
public enum SSHKeys {
    /// A `ssh-keygen` run that failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates a key pair at `privateKey` (and `privateKey.pub`), 0600 as ssh-keygen writes it;
    /// `type` is "ed25519", "rsa" or "ecdsa"; unencrypted unless a passphrase is given.
    public static func generate(type: String, at privateKey: URL, comment: String = "hearth-test", passphrase: String = "") throws {
        try FileManager.default.createDirectory(at: privateKey.deletingLastPathComponent(), withIntermediateDirectories: true)
        var arguments = ["-q", "-t", type, "-N", passphrase, "-C", comment, "-f", privateKey.path]
        if type == "rsa" { arguments += ["-b", "2048"] }
        try run(arguments)
    }

    /// The SHA256 fingerprint OpenSSH prints for a public key file, e.g. "SHA256:a5t3DJ…".
    public static func fingerprint(of publicKey: URL) throws -> String {
        let output = try run(["-l", "-E", "sha256", "-f", publicKey.path])
        let fields = output.split(separator: " ")
        guard fields.count >= 2 else { throw Failure(description: "unexpected ssh-keygen -l output: \(output)") }
        return String(fields[1])
    }

    /// Runs `ssh-keygen` with `arguments`, returning stdout; throws on a non-zero exit.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/ssh-keygen"), arguments,
                                           in: FileManager.default.temporaryDirectory,
                                           environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"])
        guard result.status == 0 else {
            throw Failure(description: "ssh-keygen \(arguments.joined(separator: " ")) failed: \(result)")
        }
        return result.stdout
    }
}

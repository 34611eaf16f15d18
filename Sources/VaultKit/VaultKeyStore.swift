import Crypto
import Foundation

/// The unwrapped notebook keys kept on this device, one file per remote, so the passphrase is
/// asked once per device.
///
/// Each key is `<folder>/<remote>.key` (the remote name made file-safe), mode 0600 in a folder
/// of mode 0700, written atomically: a temp file created 0600 in the same folder, synced, renamed
/// over the old one and the folder synced, so a crash leaves the old key or the new one, never a
/// part, and the key is never readable by others, not even for a moment. The folder must not be
/// synced (the caller gives one inside the repository's `.git`).
///
/// The file's text:
/// ```
/// hearth-encrypted-local-key 1
/// notebook: <32 hex digits>
/// key-id: <16 hex digits>
/// key: <32 bytes, base64>
/// ```
public struct VaultKeyStore: Sendable {
    /// The folder of the key files.
    let folder: URL

    static let magic = "hearth-encrypted-local-key"
    static let names = ["notebook", "key-id", "key"]

    /// The store in `folder`, created (mode 0700) on the first ``save(_:remote:)``.
    public init(folder: URL) {
        self.folder = folder
    }

    /// The key file of `remote`: its name with every byte but ASCII letters, digits, `-`, `_`
    /// and a `.` that does not start the name written as `%XX`, so any git remote name (`a/b`,
    /// `..`) is one plain file in the folder, and two names never share a file.
    func file(remote: String) -> URL {
        var name = ""
        for (index, byte) in remote.utf8.enumerated() {
            let plain = (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
                || byte == 0x2d || byte == 0x5f || (byte == 0x2e && index > 0)
            name += plain ? String(UnicodeScalar(byte)) : "%" + VaultHex.encode([byte]).uppercased()
        }
        return folder.appendingPathComponent(name + ".key", isDirectory: false)
    }

    /// Saves `key` as the key of `remote`, replacing any key saved before.
    public func save(_ key: VaultKey, remote: String) throws(VaultError) {
        try createFolder()
        let target = file(remote: remote)
        let text = "\(Self.magic) \(VaultFormat.version)\nnotebook: \(key.notebookID)\nkey-id: \(key.keyID)\nkey: \(key.bytes.base64EncodedString())\n"
        // Named after the key file, so that forget(remote:) finds one a crash left behind.
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(VaultHex.random(byteCount: 8)).tmp")
        // O_EXCL: the temp file is new, so its mode is the one given here and nobody else holds it
        // open; the mode is set again in case the umask took bits away (it cannot add any).
        let descriptor = Foundation.open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw Self.failure(temporary, "cannot be created") }
        var written = false
        defer {
            if !written { unlink(temporary.path) }
        }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let error = Self.failure(temporary, "cannot be written")
                close(descriptor)
                throw error
            }
            offset += count
        }
        guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0 else {
            let error = Self.failure(temporary, "cannot be synced")
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw Self.failure(temporary, "cannot be closed") }
        guard rename(temporary.path, target.path) == 0 else { throw Self.failure(target, "cannot be replaced") }
        written = true
        // The rename is durable only once the folder is synced.
        try syncFolder()
    }

    /// The key saved for `remote`, or nil when there is none.
    ///
    /// Throws ``VaultError/insecureKeyFile(path:mode:)`` when the file can be read or written by
    /// its group or others (something changed its mode: the key may have leaked, and the caller
    /// should say so rather than use it quietly), ``VaultError/malformed(file:line:reason:)``
    /// when it is damaged, ``VaultError/keyFile(path:reason:)`` when it cannot be read.
    public func load(remote: String) throws(VaultError) -> VaultKey? {
        let path = file(remote: remote).path
        // O_NOFOLLOW and fstat on the descriptor: the mode checked is that of the file read.
        // O_NONBLOCK: a FIFO put in the key's place must not hang the open.
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0 && errno == ENOENT { return nil }
        guard descriptor >= 0 else { throw Self.failure(URL(fileURLWithPath: path), "cannot be opened") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.failure(URL(fileURLWithPath: path), "cannot be examined") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .keyFile(path: path, reason: "not a regular file") }
        let mode = Int(status.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw .insecureKeyFile(path: path, mode: mode) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Self.failure(URL(fileURLWithPath: path), "cannot be read") }
            if count == 0 { break }
            data.append(contentsOf: buffer[..<count])
            // A key file is about 150 bytes: a large one is not a key file, and need not be read whole.
            guard data.count <= 4096 else { throw .malformed(file: path, line: nil, reason: "too large for a key file") }
        }
        return try Self.decode(data, path: path)
    }

    /// Removes the key of `remote`; returns whether there was one. A temp file a crashed
    /// ``save(_:remote:)`` left behind goes too: it may hold the key.
    @discardableResult public func forget(remote: String) throws(VaultError) -> Bool {
        let target = file(remote: remote)
        let temporaryPrefix = ".\(target.lastPathComponent)."
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { name in
                // Exactly `.<file>.<16 hex>.tmp`: another remote's temp file (`a.key`'s for `a`) differs.
                name.hasPrefix(temporaryPrefix) && name.hasSuffix(".tmp")
                    && VaultHex.isHex(String(name.dropFirst(temporaryPrefix.count).dropLast(4)), count: 16)
            }
        for leftover in leftovers {
            let url = folder.appendingPathComponent(leftover)
            guard unlink(url.path) == 0 || errno == ENOENT else { throw Self.failure(url, "cannot be removed") }
        }
        guard unlink(target.path) == 0 else {
            if errno == ENOENT {
                if !leftovers.isEmpty { try syncFolder() }
                return false
            }
            throw Self.failure(target, "cannot be removed")
        }
        try syncFolder()
        return true
    }

    /// The key in a key file's bytes.
    static func decode(_ data: Data, path: String) throws(VaultError) -> VaultKey {
        func malformed(_ line: Int?, _ reason: String) -> VaultError {
            .malformed(file: path, line: line, reason: reason)
        }
        let values = try VaultTextFile.values(data, file: path, magic: magic, names: names)
        guard VaultHex.isHex(values[0], count: 32) else { throw malformed(2, "the notebook id is not 32 lowercase hex digits") }
        guard let bytes = Data(base64Encoded: values[2]), bytes.count == VaultKey.byteCount else {
            throw malformed(4, "the key is not \(VaultKey.byteCount) bytes in base64")
        }
        let key = VaultKey(notebookID: values[0], key: SymmetricKey(data: bytes))
        guard key.keyID == values[1] else { throw malformed(3, "the key id does not match the key") }
        return key
    }

    /// Creates the folder (and its parents) and gives it mode 0700: the key files' names say
    /// which remotes are encrypted, which is nobody else's business either.
    func createFolder() throws(VaultError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .keyFile(path: folder.path, reason: "the folder cannot be created: \(error.localizedDescription)")
        }
        guard chmod(folder.path, 0o700) == 0 else { throw Self.failure(folder, "cannot be made private (mode 700)") }
    }

    func syncFolder() throws(VaultError) {
        let descriptor = Foundation.open(folder.path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard descriptor >= 0 else { throw Self.failure(folder, "cannot be opened") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Self.failure(folder, "cannot be synced") }
    }

    /// The error for a failed system call on `url`, with the system's reason.
    static func failure(_ url: URL, _ what: String) -> VaultError {
        .keyFile(path: url.path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

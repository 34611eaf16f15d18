import Foundation
internal import GitKit
import NoteKit
import VaultKit

/// What this device keeps about one encrypted remote, under `.git/hearth/` (never synced):
/// `encrypted/<name>/carrier.git`, a bare copy of the remote's carrier repository; `seen`, the
/// newest manifest this device has accepted (a host serving an older one is refused); `imported`,
/// the packs whose objects are already in the notebook; and the unwrapped key in `keys/`
/// (``VaultKeyStore``, mode 0600).
struct EncryptedRemoteState {
    /// The notebook's git directory.
    let gitDirectory: URL
    /// The remote's name.
    let remote: String

    /// The remote's folder: its name made safe as one path component.
    var folder: URL {
        gitDirectory.appending(path: "hearth/encrypted", directoryHint: .isDirectory)
            .appending(path: Self.fileSafe(remote), directoryHint: .isDirectory)
    }

    /// The carrier's local copy.
    var carrierPath: URL { folder.appending(path: "carrier.git", directoryHint: .isDirectory) }

    /// Where the unwrapped keys are kept.
    var keys: VaultKeyStore { VaultKeyStore(folder: gitDirectory.appending(path: "hearth/keys", directoryHint: .isDirectory)) }

    /// The newest manifest accepted here; nil before the first.
    func seen() throws(EncryptedRemoteProblem) -> VaultSeen? {
        let path = folder.appending(path: "seen")
        guard let data = FileManager.default.contents(atPath: path.path(percentEncoded: false)) else { return nil }
        do {
            return try JSONDecoder().decode(VaultSeen.self, from: data)
        } catch {
            // Refusing to go on is the safe answer: accepting any manifest would give up the
            // roll-back check this file exists for.
            throw .state(path: path.path(percentEncoded: false), reason: "cannot be read (\(error)); it records the newest state of the remote this device has seen")
        }
    }

    /// Records `seen` as the newest manifest accepted here.
    func record(seen: VaultSeen) throws(EncryptedRemoteProblem) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(seen) else { return }
        try write(data, to: "seen")
    }

    /// The packs already in the notebook's objects.
    func importedPacks() -> Set<String> {
        let path = folder.appending(path: "imported").path(percentEncoded: false)
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        // A damaged list costs only a second import of the same objects.
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Records that the objects of `packs` are in the notebook.
    func record(imported packs: Set<String>) throws(EncryptedRemoteProblem) {
        try write(Data(packs.sorted().map { $0 + "\n" }.joined().utf8), to: "imported")
    }

    /// The carrier files found whole so far: pack name to the git blob id its bytes had when their
    /// size and SHA-256 matched the manifest. A file whose blob id is still that one is the same
    /// bytes (git names a blob by its contents) and need not be read again.
    func verifiedPacks() -> [String: String] {
        let path = folder.appending(path: "verified").path(percentEncoded: false)
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var verified: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { verified[String(parts[0])] = String(parts[1]) }
        }
        return verified
    }

    /// Records the carrier files found whole (see ``verifiedPacks()``).
    func record(verified: [String: String]) throws(EncryptedRemoteProblem) {
        try write(Data(verified.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined().utf8), to: "verified")
    }

    /// Writes `data` to `name` in the remote's folder, atomically and durably: the file and the
    /// folder are fsync'd, so a power loss leaves the old record or the new one, never an empty
    /// `seen` (which would stop every later sync with a damaged-state error).
    private func write(_ data: Data, to name: String) throws(EncryptedRemoteProblem) {
        let path = folder.appending(path: name).path(percentEncoded: false)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .state(path: path, reason: "cannot be written: \(error.localizedDescription)")
        }
        do throws(NotebookError) {
            // The sync lock keeps other hearth processes out, so what is read here is what is replaced.
            let current = FileManager.default.fileExists(atPath: path) ? try FileSystem.read(path) : nil
            try FileSystem.replace(path, with: [UInt8](data), expecting: current)
        } catch {
            throw .state(path: path, reason: "cannot be written: \(error)")
        }
    }

    /// Removes everything kept about the remote, its key included.
    func removeAll() {
        try? FileManager.default.removeItem(at: folder)
        _ = try? keys.forget(remote: remote)
    }

    /// A remote name as one path component: git allows `/` in remote names.
    static func fileSafe(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }
}

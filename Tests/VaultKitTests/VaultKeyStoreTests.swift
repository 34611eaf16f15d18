import Foundation
import Testing
@testable import VaultKit

struct VaultKeyStoreTests {
    func mode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func aSavedKeyLoadsBack() throws {
        let root = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(".git/hearth/keys")
        let store = VaultKeyStore(folder: folder)
        #expect(try store.load(remote: "origin") == nil)
        let key = VaultKey.generate()
        try store.save(key, remote: "origin")
        #expect(try store.load(remote: "origin") == key)
        // Another store over the same folder (the next process) reads it too.
        #expect(try VaultKeyStore(folder: folder).load(remote: "origin") == key)
        #expect(try store.load(remote: "backup") == nil)
    }

    @Test func theFileIsPrivateAndWrittenAtomically() throws {
        let root = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("keys")
        let store = VaultKeyStore(folder: folder)
        let old = umask(0o000)
        defer { umask(old) }
        try store.save(VaultKey.generate(), remote: "origin")
        let replacement = VaultKey.generate()
        try store.save(replacement, remote: "origin")
        #expect(try mode(folder) == 0o700)
        #expect(try mode(folder.appendingPathComponent("origin.key")) == 0o600)
        // The replacement went through a temp file renamed over the old one: nothing else is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["origin.key"])
        #expect(try store.load(remote: "origin") == replacement)
        let text = try String(contentsOf: folder.appendingPathComponent("origin.key"), encoding: .utf8)
        #expect(text == "hearth-encrypted-local-key 1\nnotebook: \(replacement.notebookID)\nkey-id: \(replacement.keyID)\nkey: \(replacement.bytes.base64EncodedString())\n")
    }

    /// A folder that already exists with a wider mode is made private too.
    @Test func anExistingFolderIsMadePrivate() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try VaultKeyStore(folder: folder).save(VaultKey.generate(), remote: "origin")
        #expect(try mode(folder) == 0o700)
    }

    @Test func forgetRemovesTheKey() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = VaultKeyStore(folder: folder)
        let origin = VaultKey.generate()
        let backup = VaultKey.generate()
        try store.save(origin, remote: "origin")
        try store.save(backup, remote: "backup")
        #expect(try store.forget(remote: "origin"))
        #expect(try store.load(remote: "origin") == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("origin.key").path))
        #expect(try store.forget(remote: "origin") == false)
        #expect(try store.load(remote: "backup") == backup)
    }

    @Test func aFileOthersCanReadIsRefused() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = VaultKeyStore(folder: folder)
        try store.save(VaultKey.generate(), remote: "origin")
        let file = folder.appendingPathComponent("origin.key")
        for mode in [0o640, 0o604, 0o660, 0o644] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
            #expect(throws: VaultError.insecureKeyFile(path: file.path, mode: mode)) { try store.load(remote: "origin") }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: file.path)
        #expect(try store.load(remote: "origin") != nil)
    }

    /// Remote names that are not file names (git allows `/` in them) each get a file of their own
    /// inside the folder.
    @Test func remoteNamesBecomeOnePlainFileEach() throws {
        let root = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("keys")
        let store = VaultKeyStore(folder: folder)
        let names = ["a/b", "a%2Fb", "..", ".hidden", "a.b", "ä", "origin"]
        var keys: [String: VaultKey] = [:]
        for name in names {
            keys[name] = VaultKey.generate()
            try store.save(keys[name]!, remote: name)
        }
        for name in names {
            #expect(try store.load(remote: name) == keys[name], "\(name)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == names.count, "\(files)")
        #expect(files.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") && $0.hasSuffix(".key") }, "\(files)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["keys"])
    }

    @Test func aDamagedFileIsMalformed() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = VaultKeyStore(folder: folder)
        let key = VaultKey.generate()
        try store.save(key, remote: "origin")
        let file = folder.appendingPathComponent("origin.key")
        let text = try String(contentsOf: file, encoding: .utf8)
        let otherID = VaultKey.generate().keyID
        let damaged = [
            "",
            text.replacingOccurrences(of: "local-key 1", with: "local-key 2"),
            text.replacingOccurrences(of: key.keyID, with: otherID),
            String(text.dropLast(10)),
            text.replacingOccurrences(of: "notebook: ", with: "notebook: 0"),
        ]
        for content in damaged {
            try Data(content.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            #expect(throws: VaultError.self, "\(content)") { try store.load(remote: "origin") }
        }
        try Data(text.replacingOccurrences(of: key.keyID, with: otherID).utf8).write(to: file)
        #expect(throws: VaultError.malformed(file: file.path, line: 3, reason: "the key id does not match the key")) { try store.load(remote: "origin") }
    }

    @Test func aFolderThatCannotBeWrittenIsAKeyFileError() throws {
        let root = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A file where the folder should be.
        let blocked = root.appendingPathComponent("keys")
        try Data("x".utf8).write(to: blocked)
        let error = VaultFixture.error { () throws(VaultError) in try VaultKeyStore(folder: blocked).save(VaultKey.generate(), remote: "origin") }
        #expect(VaultFixture.isKeyFileError(error), "\(String(describing: error))")
    }
}

extension VaultKeyStoreTests {
    /// A key file replaced by a link is not followed: the mode checked must be the one of the
    /// file read, and the key must come from the folder the store was given.
    @Test func aLinkInPlaceOfTheKeyFileIsRefused() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = VaultKeyStore(folder: folder)
        try store.save(VaultKey.generate(), remote: "origin")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("origin.key"), to: folder.appendingPathComponent("elsewhere"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("origin.key").path, withDestinationPath: "elsewhere")
        let error = VaultFixture.error { () throws(VaultError) in try store.load(remote: "origin") }
        #expect(VaultFixture.isKeyFileError(error), "\(String(describing: error))")
    }
}

extension VaultKeyStoreTests {
    /// A temp file a crashed save left (it holds the key) goes with forget; another remote's stays.
    @Test func forgetRemovesALeftoverTempFile() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = VaultKeyStore(folder: folder)
        try store.save(VaultKey.generate(), remote: "a")
        let leftover = folder.appendingPathComponent(".a.key.0123456789abcdef.tmp")
        let otherRemotes = folder.appendingPathComponent(".a.key.key.0123456789abcdef.tmp")
        try Data("x".utf8).write(to: leftover)
        try Data("x".utf8).write(to: otherRemotes)
        #expect(try store.forget(remote: "a"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [otherRemotes.lastPathComponent])
        // With no key left, a leftover still goes.
        try Data("x".utf8).write(to: leftover)
        #expect(try store.forget(remote: "a") == false)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    /// A FIFO in the key's place is refused at once rather than waited on.
    @Test func aFIFOInPlaceOfTheKeyFileIsRefused() throws {
        let folder = try VaultFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("origin.key").path, 0o600) == 0)
        #expect(throws: VaultError.keyFile(path: folder.appendingPathComponent("origin.key").path, reason: "not a regular file")) {
            try VaultKeyStore(folder: folder).load(remote: "origin")
        }
    }
}

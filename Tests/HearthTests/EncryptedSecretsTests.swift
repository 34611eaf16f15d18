import Foundation
import TestSupport
import Testing

/// The passphrase of an encrypted remote, and the notebook key it unwraps, go nowhere they could
/// be read: not in any output, any file (the passphrase in none at all; the key only in its file
/// under `.git/hearth/keys`), any git object of the notebooks, the carrier or the carrier copies,
/// nor the argument list of any process running while a device pushes (hearth passes the
/// passphrase as no argument; ssh's and git's processes on the server never see it).
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct EncryptedSecretsTests {
    @Test(arguments: HostileNetworkNotebook.Transport.allCases)
    func thePassphraseAndKeyAreInNoOutputFileObjectOrArgumentList(transport: HostileNetworkNotebook.Transport) throws {
        let served = try EncryptedNetworkRemote(transport)
        let notebook = served.notebook
        try served.recordProcessesAtPush()
        try served.hearth(["jot", "a line for the secrets test"]).requireSuccess()
        try served.sync()
        let phone = try served.clone("phone")
        try served.hearth(["jot", "the phone's line"], in: phone).requireSuccess()
        try served.sync(phone)
        try served.sync()
        try served.hearth(["remote", "-v"]).requireSuccess()
        try served.hearth(["remote", "list", "--json"]).requireSuccess()

        let keyFile = try String(contentsOf: notebook.root.appendingPathComponent(".git/hearth/keys/vault.key"), encoding: .utf8)
        let keyText = try #require(keyFile.split(separator: "\n").first { $0.hasPrefix("key: ") }?.dropFirst("key: ".count))
        let key = try #require(Data(base64Encoded: String(keyText)))
        #expect(key.count == 32)
        let secrets: [(name: String, bytes: Data)] = [("the passphrase", Data(served.passphrase.utf8)),
                                                       ("the key (base64)", Data(keyText.utf8)), ("the key", key)]

        // Every output.
        #expect(served.outputs.count >= 8)
        for output in served.outputs {
            for secret in secrets {
                #expect(output.stdoutData.range(of: secret.bytes) == nil && output.stderrData.range(of: secret.bytes) == nil,
                        "\(secret.name) in \(output)")
            }
        }
        // Every file under the test's folder: both notebooks with their .git, the carrier, HOME.
        var files = 0
        let enumerator = try #require(FileManager.default.enumerator(at: notebook.base, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files += 1
            let contents = try Data(contentsOf: file)
            #expect(contents.range(of: secrets[0].bytes) == nil, "\(file.path) holds the passphrase")
            guard !file.path.contains("/.git/hearth/keys/") else { continue }
            for secret in secrets.dropFirst() { #expect(contents.range(of: secret.bytes) == nil, "\(file.path) holds \(secret.name)") }
        }
        #expect(files > 100)
        // Every git object, decompressed (a file's bytes on disk are zlib's).
        let repositories = [notebook.root, phone, served.carrier,
                            notebook.root.appendingPathComponent(".git/hearth/encrypted/vault/carrier.git"),
                            phone.appendingPathComponent(".git/hearth/encrypted/origin/carrier.git")]
        for repository in repositories {
            let objects = try notebook.git(in: repository, "cat-file", "--batch-all-objects", "--batch").requireSuccess().stdoutData
            #expect(objects.count > 1_000, "\(repository.path)")
            for secret in secrets { #expect(objects.range(of: secret.bytes) == nil, "\(secret.name) in an object of \(repository.path)") }
        }
        // Every process while each device pushed: hearth itself and git on the server among them.
        let processes = try Data(contentsOf: served.hookFolder.appendingPathComponent("processes"))
        let listed = String(decoding: processes, as: UTF8.self)
        #expect(listed.contains("receive-pack"), "\(listed)")
        #expect(listed.contains(try #require(HearthBinary.url).path + " sync"), "\(listed)")
        for secret in secrets { #expect(processes.range(of: secret.bytes) == nil, "\(secret.name) in an argument list") }
    }
}

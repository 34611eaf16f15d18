import Foundation
import GitKit
import Testing

/// Repository configuration and default signatures.
struct ConfigTests {
    @Test func setConfigIsReadByGit() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try repository.setConfig("hearth.device", "laptop")
            #expect(try scratch.git("config", "--get", "hearth.device") == "laptop")
            #expect(try scratch.git("config", "--local", "--get", "hearth.device") == "laptop")
            #expect(try repository.configString("hearth.device") == "laptop")
        }
    }

    @Test func configStringReadsGitWritesAndMissingIsNil() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            #expect(try repository.configString("hearth.missing") == nil)
            try scratch.git("config", "hearth.remote-name", "origin")
            #expect(try repository.configString("hearth.remote-name") == "origin")
            #expect(throws: GitError.self) { try repository.configString("not a key") }
        }
    }

    @Test func defaultSignatureUsesConfigOrFallback() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try repository.setConfig("user.name", "Configured")
            try repository.setConfig("user.email", "configured@example.com")
            let configured = repository.defaultSignature(fallbackName: "Fallback", fallbackEmail: "f@example.com")
            #expect(configured.name == "Configured")
            #expect(configured.email == "configured@example.com")
            #expect(abs(configured.date.timeIntervalSinceNow) < 60)
        }
    }
}

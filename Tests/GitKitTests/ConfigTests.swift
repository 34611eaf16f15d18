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

    /// Booleans as git reads them: words, numbers (any non-zero is true) and a key written without
    /// a value, which git takes as true; a sync's object database decides its fsync by this.
    @Test func configBoolReadsEveryFormGitAccepts() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            #expect(try repository.configBool("core.fsyncObjectFiles") == nil)
            for (value, expected) in [("true", true), ("On", true), ("2", true), ("0", false), ("no", false)] {
                try scratch.git("config", "core.fsyncObjectFiles", value)
                #expect(try repository.configBool("core.fsyncObjectFiles") == expected, "\(value)")
                #expect(try scratch.git("config", "--type=bool", "core.fsyncObjectFiles") == String(expected), "git agrees on \(value)")
            }
            try scratch.git("config", "--unset", "core.fsyncObjectFiles")
            let config = scratch.root.appending(path: ".git/config")
            let text = try String(contentsOf: config, encoding: .utf8)
            try (text + "[core]\n\tfsyncObjectFiles\n").write(to: config, atomically: true, encoding: .utf8)
            #expect(try repository.configBool("core.fsyncObjectFiles") == true)
            #expect(try scratch.git("config", "--type=bool", "core.fsyncObjectFiles") == "true")
            try scratch.git("config", "core.fsyncObjectFiles", "maybe")
            #expect(throws: GitError.self) { try repository.configBool("core.fsyncObjectFiles") }
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

import Foundation
import GitKit
import Testing

/// The credential sequence: each method at most once, then an error that names what was tried.
struct CredentialTests {
    @Test func tokenIsOfferedOnceAndNeverShown() throws {
        try Scratch.with { scratch in
            let server = try UnauthorizedHTTPServer()
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            let token = "s3cr3t-token-value"
            let options = NetworkOptions(credentials: CredentialOptions(
                homeDirectory: scratch.git.home, useAgent: false, environment: ["HEARTH_TOKEN": token]
            ))
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "http://127.0.0.1:\(server.port)/notebook.git", options: options)
            }
            #expect(error.code == .auth)
            #expect(error.message.contains("rejected the access token in HEARTH_TOKEN"))
            #expect(!error.description.contains(token))
            // One request without credentials, one with the token, then it gives up.
            let requests = server.requests
            #expect(requests.count == 2)
            #expect(requests.first?.authorization == nil)
            let basic = "Basic " + Data("git:\(token)".utf8).base64EncodedString()
            #expect(requests.dropFirst().map(\.authorization) == [basic])
        }
    }

    @Test func missingTokenNamesTheVariable() throws {
        try Scratch.with { scratch in
            let server = try UnauthorizedHTTPServer()
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            let options = NetworkOptions(credentials: CredentialOptions(
                homeDirectory: scratch.git.home, useAgent: false, tokenEnvironmentVariable: "NOTEBOOK_TOKEN", environment: [:]
            ))
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "http://alice@127.0.0.1:\(server.port)/notebook.git", options: options)
            }
            #expect(error.code == .auth)
            #expect(error.message.contains("NOTEBOOK_TOKEN"))
            // libgit2 itself retries once with the URL's user and an empty password before asking
            // the callback, which then gives up at once.
            let empty = "Basic " + Data("alice:".utf8).base64EncodedString()
            #expect(server.requests.map(\.authorization) == [nil, empty])
        }
    }

    @Test func sshToAClosedPortFailsFast() throws {
        try Scratch.with { scratch in
            let closed = try ClosedPort()
            let port = closed.port
            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: "ssh://git@127.0.0.1:\(port)/notebook.git")
            let started = Date()
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "origin", options: scratch.networkOptions)
            }
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(error.message.contains("127.0.0.1") || error.message.lowercased().contains("connect"))
            withExtendedLifetime(closed) {}
        }
    }
}

import Foundation
import GitKit
import Testing

/// Reading references and moving them with compare-and-swap.
struct ReferenceUpdateTests {
    @Test func readTargets() throws {
        try Scratch.with { scratch in
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "a\n"]])
            #expect(try repository.referenceTarget("refs/heads/main") == head)
            #expect(try repository.referenceTarget("HEAD") == head)
            #expect(try repository.referenceTarget("refs/remotes/origin/main") == nil)
            #expect(throws: GitError.self) { try repository.referenceTarget("refs/heads/bad..name") }
        }
    }

    @Test func unbornHeadHasNoTarget() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            #expect(try repository.referenceTarget("HEAD") == nil)
        }
    }

    @Test func compareAndSwap() throws {
        try Scratch.with { scratch in
            let (repository, second) = try scratch.repositoryWithCommits([["a.md": "a\n"], ["a.md": "b\n"]])
            let first = try #require(try repository.commit(second).parentIDs.first)
            let name = "refs/remotes/origin/main"

            try repository.setReference(name, to: first, expecting: nil, message: "fetch: first")
            #expect(try scratch.git("rev-parse", "origin/main") == first.description)
            // Creating again must fail: it exists now.
            let exists = try #require(throws: GitError.self) {
                try repository.setReference(name, to: second, expecting: nil, message: "create")
            }
            #expect(exists.code == .modified)

            try repository.setReference(name, to: second, expecting: first, message: "fetch: fast-forward")
            #expect(try scratch.git("rev-parse", "origin/main") == second.description)
            #expect(try scratch.git("reflog", "show", "--format=%gs", name).split(separator: "\n").first == "fetch: fast-forward")

            // Someone else moved it: the stale expectation loses.
            try scratch.git("update-ref", name, first.description)
            let moved = try #require(throws: GitError.self) {
                try repository.setReference(name, to: second, expecting: second, message: "stale")
            }
            #expect(moved.code == .modified)
            #expect(try repository.referenceTarget(name) == first)

            // Deleted meanwhile: also lost.
            try scratch.git("update-ref", "-d", name)
            let deleted = try #require(throws: GitError.self) {
                try repository.setReference(name, to: second, expecting: first, message: "gone")
            }
            #expect(deleted.code == .modified)
            #expect(try repository.referenceTarget(name) == nil)
        }
    }

    @Test func headIsRefused() throws {
        try Scratch.with { scratch in
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "a\n"]])
            let error = try #require(throws: GitError.self) {
                try repository.setReference("HEAD", to: head, expecting: head, message: "detach")
            }
            #expect(error.code == .invalidSpec)
            #expect(try scratch.git("symbolic-ref", "HEAD") == "refs/heads/main")
        }
    }
}

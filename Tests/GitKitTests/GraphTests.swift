import Foundation
import GitKit
import Testing

/// Merge bases and ahead/behind counts, checked against `git merge-base` and `git rev-list`.
struct GraphTests {
    @Test func divergedHistories() throws {
        try Scratch.with { scratch in
            let (repository, base) = try scratch.repositoryWithCommits([["a.md": "base\n"]])
            try scratch.git("branch", "phone")
            for index in 1...3 {
                try scratch.write("laptop\(index).md", "\(index)\n")
                try scratch.commitAll(repository, message: "laptop \(index)", secondsLater: Double(index) * 60)
            }
            let laptop = try #require(try repository.headCommitID())
            try scratch.git("checkout", "-q", "phone")
            for index in 1...2 {
                try scratch.write("phone\(index).md", "\(index)\n")
                try scratch.git.commitAll("phone \(index)")
            }
            let phone = try repository.resolve(revision: "phone")

            #expect(try repository.mergeBase(laptop, phone) == base)
            #expect(try scratch.git("merge-base", laptop.description, phone.description) == base.description)
            let counts = try repository.aheadBehind(local: laptop, upstream: phone)
            #expect(counts.ahead == 3 && counts.behind == 2)
            #expect(try scratch.git("rev-list", "--left-right", "--count", "\(laptop)...\(phone)") == "3\t2")
            #expect(try repository.isDescendant(laptop, of: base))
            #expect(try repository.isDescendant(base, of: laptop) == false)
            #expect(try repository.isDescendant(laptop, of: phone) == false)
            #expect(try repository.isDescendant(laptop, of: laptop) == false)
        }
    }

    @Test func unrelatedHistoriesHaveNoMergeBase() throws {
        try Scratch.with { scratch in
            let (repository, first) = try scratch.repositoryWithCommits([["a.md": "a\n"]])
            try scratch.git("checkout", "-q", "--orphan", "other")
            try scratch.write("b.md", "b\n")
            try scratch.git.commitAll("unrelated")
            let other = try repository.resolve(revision: "other")
            #expect(try repository.mergeBase(first, other) == nil)
            #expect(try scratch.git.run(["merge-base", first.description, other.description]).status == 1)
            let counts = try repository.aheadBehind(local: first, upstream: other)
            #expect(counts.ahead == 1 && counts.behind == 1)
        }
    }
}

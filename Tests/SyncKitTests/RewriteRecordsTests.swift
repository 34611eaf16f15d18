import Foundation
import GitKit
@testable import SyncKit
import TestSupport
import Testing

/// The records of sync rewrites stay bounded: one per path, a chain of at most a few bases,
/// gone after their lifetime, the newest few hundred at most.
@Suite struct RewriteRecordsTests {
    func id(_ n: Int) -> ObjectID { ObjectID(hex: String(format: "%040x", n))! }

    func withRepository(_ body: (Repository) throws -> Void) throws {
        try Sandbox.with { sandbox in try body(try Repository.create(at: sandbox.root, initialBranch: "main", bare: false)) }
    }

    @Test func recordsRoundTripByteForByteAndExpire() throws {
        try withRepository { repository in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            var store = RewriteRecords()
            let fresh = RewriteRecord(replaced: [id(1), id(2)], written: id(3), time: now.addingTimeInterval(-3600))
            store.records["days/2026/caf\u{E9} one\tday.md"] = fresh
            store.records["days/2026/cafe\u{301} one\tday.md"] = RewriteRecord(replaced: [id(4)], written: id(5), time: now)
            store.records["old.md"] = RewriteRecord(replaced: [id(6)], written: id(7), time: now.addingTimeInterval(-RewriteRecords.lifetime - 1))
            store.save(repository)
            let loaded = RewriteRecords.load(repository, now: now)
            #expect(loaded.records["days/2026/caf\u{E9} one\tday.md"] == fresh)
            #expect(loaded.records["days/2026/cafe\u{301} one\tday.md"]?.written == id(5))
            #expect(loaded.records["old.md"] == nil)
            #expect(loaded.records.keys.count == 2)
        }
    }

    @Test func onlyTheNewestRecordsAreKept() throws {
        try withRepository { repository in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            var store = RewriteRecords()
            for n in 0..<(RewriteRecords.limit + 10) {
                store.records["notes/\(n).md"] = RewriteRecord(replaced: [id(n)], written: id(n + 1), time: now.addingTimeInterval(Double(n)))
            }
            store.save(repository)
            let loaded = RewriteRecords.load(repository, now: now.addingTimeInterval(1000))
            #expect(loaded.records.keys.count == RewriteRecords.limit)
            #expect(loaded.records["notes/0.md"] == nil)
            #expect(loaded.records["notes/\(RewriteRecords.limit + 9).md"] != nil)
        }
    }

    @Test func rewritesWithoutASaveBetweenThemFormOneBoundedChain() {
        let time = Date(timeIntervalSince1970: 0)
        var record = RewriteRecords.chained(nil, replaced: id(1), written: id(2), at: time)
        for n in 2..<8 { record = RewriteRecords.chained(record, replaced: id(n), written: id(n + 1), at: time) }
        // The oldest buffer an editor may hold and the newest rewrites.
        #expect(record.replaced == [id(1), id(5), id(6), id(7)])
        #expect(record.written == id(8))
        // A save in between (the file no longer held what the sync wrote) starts a new chain.
        #expect(RewriteRecords.chained(record, replaced: id(20), written: id(21), at: time).replaced == [id(20)])
    }
}

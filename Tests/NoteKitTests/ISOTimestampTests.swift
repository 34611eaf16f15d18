import Foundation
import NoteKit
import Testing

/// `ISOTimestamp.utc` writes the text Foundation's ISO 8601 style writes, byte for byte: records
/// hash it, so the text written by hand must never differ.
struct ISOTimestampTests {
    @Test func utcIsWhatTheISO8601StyleWrites() {
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        var random = SystemRandomNumberGenerator()
        var moments: [TimeInterval] = [0, -0.5, 0.999, 59.999_999, 1_796_654_554.888, 951_782_400 /* 2000-02-29 */, 4_102_444_799.9 /* 2099-12-31 */,
                                       -62_135_596_800 /* 0001-01-01, Julian in Foundation */, -12_212_553_600 /* 1583-01-01 */, -12_212_553_600.5, 253_402_300_800 /* 10000-01-01 */, 1e15, 1e20, .infinity, -.infinity, 253_402_300_799 /* 9999-12-31T23:59:59 */]
        for _ in 0..<2_000 { moments.append(.random(in: -5_000_000_000...10_000_000_000, using: &random)) }
        for moment in moments {
            let date = Date(timeIntervalSince1970: moment)
            #expect(ISOTimestamp.utc(date) == date.formatted(style), "at \(moment)")
        }
        #expect(ISOTimestamp.utc(Date(timeIntervalSince1970: 1_795_342_500)) == "2026-11-22T10:15:00Z")
        #expect(ISOTimestamp.parseUTC(ISOTimestamp.utc(Date(timeIntervalSince1970: 1_795_342_500.7))) == Date(timeIntervalSince1970: 1_795_342_500))
    }
}

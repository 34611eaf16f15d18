import Foundation
import SyncKit
import Testing

/// ``WatchOptions``: the retry delays after failed syncs.
@Suite struct WatchOptionsTests {
    @Test func retriesDoubleFromOneSecondUpToAMinute() {
        let options = WatchOptions(interval: 600)
        #expect((1...9).map { options.retryDelay(afterFailures: $0) } == [1, 2, 4, 8, 16, 32, 60, 60, 60])
        #expect(options.retryDelay(afterFailures: 10_000) == 60)
    }

    @Test func retriesNeverWaitLongerThanTheInterval() {
        let options = WatchOptions(interval: 5)
        #expect((1...5).map { options.retryDelay(afterFailures: $0) } == [1, 2, 4, 5, 5])
        #expect(WatchOptions(interval: 0.5).retryDelay(afterFailures: 3) == 1, "never below the first retry")
    }
}

import Foundation
import Testing
@testable import VaultKit

struct ScryptCostTests {
    @Test func theStandardCostIsScryptsInteractiveOne() {
        #expect(ScryptCost.standard.logN == 16)
        #expect(ScryptCost.standard.blockSize == 8)
        #expect(ScryptCost.standard.parallelism == 1)
    }

    @Test func costsOutsideTheBoundsAreRefused() throws {
        for (logN, r, p) in [(13, 8, 1), (23, 1, 1), (0, 8, 1), (-1, 8, 1), (63, 8, 1), (16, 0, 1), (16, 33, 1), (16, 8, 0), (16, 8, 17),
                             (22, 32, 16), (22, 16, 1), (20, 8, 16)] {
            #expect(throws: VaultError.self, "\(logN) \(r) \(p)") { try ScryptCost(logN: logN, blockSize: r, parallelism: p) }
        }
        // At the edges.
        for (logN, r, p) in [(14, 1, 1), (22, 2, 1), (22, 1, 2), (14, 32, 2), (14, 1, 16), (16, 8, 1), (18, 8, 4)] {
            let cost = try ScryptCost(logN: logN, blockSize: r, parallelism: p)
            #expect(cost.logN == logN && cost.blockSize == r && cost.parallelism == p)
        }
    }

    /// r above 16 with p 1 is past the memory limit swift-crypto hands BoringSSL: refused as a
    /// cost, where deriving with it would fail.
    @Test func aCostScryptCannotRunIsRefused() throws {
        #expect(throws: VaultError.self) { try ScryptCost(logN: 14, blockSize: 17, parallelism: 1) }
        let runnable = try ScryptCost(logN: 14, blockSize: 16, parallelism: 1)
        _ = try KeyEnvelope.derive(passphrase: "x", salt: Data(count: 16), cost: runnable)
    }
}

import Foundation
import VaultKit

extension KeyEnvelope {
    /// Decodes the carrier's `key` file, its problems a transport failure.
    init(decodingFile data: Data) throws(TransportFailure) {
        do throws(VaultError) { self = try KeyEnvelope(decoding: data) } catch { throw .encrypted(.vault(error)) }
    }
}

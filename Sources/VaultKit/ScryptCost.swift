/// The cost of scrypt, which turns the passphrase into the key that wraps the notebook key:
/// N = 2^``logN`` (memory and time), r = ``blockSize``, p = ``parallelism``.
///
/// The cost is written in the key envelope on the remote, so the host could change it. Every
/// cost is therefore checked, whether made here or read from the remote: a host must not be able
/// to make a device derive with a weak cost (and then learn from its behaviour), nor with a huge
/// one that exhausts its memory or time. The bounds are logN 14...22, r 1...32, p 1...16, and
/// N·r·p·128 bytes at most 1 GiB (16 times ``standard``).
public struct ScryptCost: Sendable, Equatable {
    /// log2 of scrypt's N.
    public let logN: Int
    /// scrypt's r.
    public let blockSize: Int
    /// scrypt's p.
    public let parallelism: Int

    /// N 2^16, r 8, p 1: 64 MiB of memory and a fraction of a second, as scrypt's authors
    /// recommend for interactive logins. Asked once per device, so it may be slow for an attacker.
    public static let standard = ScryptCost(checkedLogN: 16, blockSize: 8, parallelism: 1)

    static let logNBounds = 14...22
    static let blockSizeBounds = 1...32
    static let parallelismBounds = 1...16
    /// The most memory times passes one derivation may take: 1 GiB.
    static let maximumWork = 1 << 30

    /// A cost; throws ``VaultError/malformed(file:line:reason:)`` (file `key`) outside the bounds,
    /// since the same check refuses such a cost when reading a key envelope.
    public init(logN: Int, blockSize: Int, parallelism: Int) throws(VaultError) {
        if let reason = Self.problem(logN: logN, blockSize: blockSize, parallelism: parallelism) {
            throw .malformed(file: VaultFormat.keyFile, line: nil, reason: reason)
        }
        self.init(checkedLogN: logN, blockSize: blockSize, parallelism: parallelism)
    }

    private init(checkedLogN logN: Int, blockSize: Int, parallelism: Int) {
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// scrypt's N.
    var rounds: Int { 1 << logN }

    /// Why a cost is refused, or nil.
    static func problem(logN: Int, blockSize: Int, parallelism: Int) -> String? {
        guard logNBounds.contains(logN) else {
            return "scrypt log2 N \(logN) is outside \(logNBounds.lowerBound)...\(logNBounds.upperBound)"
        }
        guard blockSizeBounds.contains(blockSize) else {
            return "scrypt r \(blockSize) is outside \(blockSizeBounds.lowerBound)...\(blockSizeBounds.upperBound)"
        }
        guard parallelismBounds.contains(parallelism) else {
            return "scrypt p \(parallelism) is outside \(parallelismBounds.lowerBound)...\(parallelismBounds.upperBound)"
        }
        // With the bounds above none of these products overflows.
        let rounds = 1 << logN
        guard 128 * rounds * blockSize * parallelism <= maximumWork else {
            return "scrypt cost N \(rounds), r \(blockSize), p \(parallelism) takes more than 1 GiB of memory and passes"
        }
        // swift-crypto gives BoringSSL a memory limit of 128·N·r·p bytes plus one page, while
        // BoringSSL needs 128·r·(N + p + 1): with p 1 and r above 16 the limit is short and the
        // derivation fails. Refused here, so such a cost is a clear error when read, not a
        // failure of the primitive later.
        guard 128 * rounds * blockSize * parallelism + 4096 >= 128 * blockSize * (rounds + parallelism + 1) else {
            return "scrypt cost N \(rounds), r \(blockSize), p \(parallelism) exceeds the memory limit swift-crypto gives scrypt"
        }
        return nil
    }
}

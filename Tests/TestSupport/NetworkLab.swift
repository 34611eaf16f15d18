import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small network of one test's own: three network namespaces, a "client" where hearth runs
/// (10.231.0.1), a "server" where sshd and the https git server run (10.231.0.2), and a "router"
/// between them joined to each by a veth pair. The router bridges its two legs while the link is
/// healthy; faults go on the way:
/// - random loss: an nftables rule (`numgen random mod 100 < N drop`) on what each end receives;
/// - a narrow link: a `tbf` qdisc on each end's veth;
/// - a link that goes down: the router's client leg set down, then up;
/// - delay with jitter and reordering: ``PacketForwarder``, a userspace netem that replaces the
///   bridge, since `tc netem` is missing from this kernel.
///
/// The addresses exist only inside the test's namespaces, so every lab uses the same ones and no
/// two tests (or two runs) meet. Namespaces are named `hearthnet-PID-N-{c,r,s}`; ``stop()`` (or
/// the value going away) kills what still runs in them and deletes them, and the first lab of a
/// process deletes any left by a run that was killed (its PID no longer running).
/// One test sets its faults; a thread of that test may take the link down and up meanwhile
/// (``setLink(up:)`` and ``bytesReceivedByServer()`` touch no state of the value).
public final class NetworkLab: @unchecked Sendable {
    /// Where hearth connects from.
    public static let clientAddress = "10.231.0.1"
    /// Where the servers listen.
    public static let serverAddress = "10.231.0.2"
    /// The namespaces' common prefix, `hearthnet-PID-N`.
    public let name: String
    /// The client namespace.
    public var client: String { name + "-c" }
    /// The router namespace.
    public var router: String { name + "-r" }
    /// The server namespace.
    public var server: String { name + "-s" }
    /// Prefix for a program that runs in the client namespace.
    public var clientLauncher: [String] { [Self.ip, "netns", "exec", client] }
    /// Prefix for a program that runs in the server namespace.
    public var serverLauncher: [String] { [Self.ip, "netns", "exec", server] }
    private let folder: URL
    private var forwarder: PacketForwarder?
    private var stopped = false

    private static let ip = "/usr/sbin/ip"
    private static let prefix = "hearthnet-"
    private static let counter = Atomic<Int>(0)
    private static let swept = Mutex(false)

    /// Why this machine cannot build a lab (not root, or namespaces refused), or nil when it can.
    public static let unavailable: String? = {
        guard getuid() == 0 else { return "network namespaces need root (uid \(getuid()))" }
        guard FileManager.default.isExecutableFile(atPath: ip) else { return "\(ip) (iproute2) is not installed" }
        let probe = "\(prefix)\(getpid())-probe"
        guard let added = try? run(ip, ["netns", "add", probe]) else { return "cannot run \(ip)" }
        defer { _ = try? run(ip, ["netns", "del", probe]) }
        guard added.status == 0 else { return "`ip netns add` is not permitted here: \(added.stderr.trimmingCharacters(in: .whitespacesAndNewlines))" }
        for tool in ["/usr/sbin/nft", "/usr/sbin/ethtool", "/usr/sbin/tc"] where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is not installed (make test-deps installs it)"
        }
        return nil
    }()

    /// Builds the three namespaces and the bridged link, and checks the client reaches the server.
    public init() throws {
        Self.sweepLeftovers()
        name = "\(Self.prefix)\(getpid())-\(Self.counter.add(1, ordering: .relaxed).newValue)"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        do {
            try build()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    private func build() throws {
        for namespace in [client, router, server] {
            try ip("netns", "add", namespace)
            try ip("-n", namespace, "link", "set", "lo", "up")
        }
        try ip("-n", client, "link", "add", "c0", "type", "veth", "peer", "name", "r0", "netns", router)
        try ip("-n", server, "link", "add", "s0", "type", "veth", "peer", "name", "r1", "netns", router)
        try ip("-n", client, "addr", "add", "\(Self.clientAddress)/30", "dev", "c0")
        try ip("-n", server, "addr", "add", "\(Self.serverAddress)/30", "dev", "s0")
        try ip("-n", router, "link", "add", "br0", "type", "bridge")
        try bridge(attached: true)
        for link in ["br0", "r0", "r1"] { try ip("-n", router, "link", "set", link, "up") }
        // Frames the packet forwarder reads must be whole and carry real checksums.
        try Self.require(Self.run(Self.ip, ["netns", "exec", client, "ethtool", "-K", "c0", "tx", "off", "sg", "off", "tso", "off", "gso", "off"]))
        try Self.require(Self.run(Self.ip, ["netns", "exec", server, "ethtool", "-K", "s0", "tx", "off", "sg", "off", "tso", "off", "gso", "off"]))
        try ip("-n", client, "link", "set", "c0", "up")
        try ip("-n", server, "link", "set", "s0", "up")
    }

    // MARK: - Faults

    /// Drops `percent`% of the packets each end receives (nftables, `numgen random`).
    public func loseRandomly(percent: Int) throws {
        for namespace in [client, server] {
            try nft(namespace, "add table inet hearthlab")
            try nft(namespace, "add chain inet hearthlab input { type filter hook input priority 0; policy accept; }")
            try nft(namespace, "add rule inet hearthlab input iifname != \"lo\" numgen random mod 100 < \(percent) counter drop")
        }
    }

    /// Packets the loss rules dropped so far, both ends together.
    public func packetsLost() throws -> Int {
        var total = 0
        for namespace in [client, server] {
            let listing = try Self.require(Self.run(Self.ip, ["netns", "exec", namespace, "nft", "list", "table", "inet", "hearthlab"])).stdout
            if let range = listing.range(of: #"counter packets (\d+)"#, options: .regularExpression) {
                total += Int(listing[range].split(separator: " ")[2]) ?? 0
            }
        }
        return total
    }

    /// Limits each direction to `kilobits` per second (a `tbf` qdisc on each end's veth).
    public func limitRate(kilobits: Int) throws {
        for (namespace, link) in [(client, "c0"), (server, "s0")] {
            try Self.require(Self.run("/usr/sbin/tc", ["-n", namespace, "qdisc", "replace", "dev", link, "root", "tbf",
                                                       "rate", "\(kilobits)kbit", "burst", "4kb", "latency", "1s"]))
        }
    }

    /// Bytes the server's end of the link has received so far (its veth's counter): how far an
    /// upload has got, whatever the protocol.
    public func bytesReceivedByServer() throws -> Int {
        let listing = try Self.require(Self.run(Self.ip, ["-n", server, "-s", "-j", "link", "show", "s0"])).stdoutData
        let links = try JSONSerialization.jsonObject(with: listing) as? [[String: Any]]
        let statistics = links?.first?["stats64"] as? [String: Any]
        guard let bytes = (statistics?["rx"] as? [String: Any])?["bytes"] as? Int else {
            throw ChildProcess.Failure(description: "network lab: no byte count for s0 in \(String(decoding: listing, as: UTF8.self))")
        }
        return bytes
    }

    /// Replaces the bridge with a ``PacketForwarder`` applying `impairment`.
    public func impair(_ impairment: PacketForwarder.Impairment, seed: UInt64 = 1) throws {
        _ = forwarder?.stop()
        try bridge(attached: false)
        forwarder = try PacketForwarder(between: "r0", and: "r1", launcher: [Self.ip, "netns", "exec", router],
                                        impairment: impairment, seed: seed, folder: folder)
    }

    /// Takes the link down (as a cable pulled: the client's end loses carrier) or brings it back.
    public func setLink(up: Bool) throws {
        try ip("-n", router, "link", "set", "r0", up ? "up" : "down")
    }

    /// Removes every fault: the forwarder stops (its counts are returned, or "" when none ran),
    /// the bridge is back, no loss rule, no rate limit, the link up.
    @discardableResult
    public func heal() throws -> String {
        let counts = forwarder?.stop() ?? ""
        forwarder = nil
        try bridge(attached: true)
        for namespace in [client, server] {
            _ = try Self.run(Self.ip, ["netns", "exec", namespace, "nft", "delete", "table", "inet", "hearthlab"])
        }
        for (namespace, link) in [(client, "c0"), (server, "s0")] {
            _ = try Self.run("/usr/sbin/tc", ["-n", namespace, "qdisc", "del", "dev", link, "root"])
        }
        try setLink(up: true)
        return counts
    }

    // MARK: - Teardown

    /// Stops the forwarder, kills whatever still runs in the namespaces and deletes them (and the
    /// veths with them). Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = forwarder?.stop()
        forwarder = nil
        for namespace in [client, router, server] { Self.remove(namespace) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Deletes the namespaces of runs that were killed before they could (their PID is gone).
    private static func sweepLeftovers() {
        let first = swept.withLock { done in
            defer { done = true }
            return !done
        }
        guard first, let listing = try? run(ip, ["netns", "list"]) else { return }
        for line in listing.stdout.split(separator: "\n") {
            let namespace = String(line.split(separator: " ").first ?? "")
            guard namespace.hasPrefix(prefix) else { continue }
            let fields = namespace.dropFirst(prefix.count).split(separator: "-")
            guard let pid = fields.first.flatMap({ pid_t($0) }), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            remove(namespace)
        }
    }

    /// Kills the processes in `namespace` (by their pids, which `ip netns pids` lists) and deletes it.
    private static func remove(_ namespace: String) {
        if let pids = try? run(ip, ["netns", "pids", namespace]), pids.status == 0 {
            for pid in pids.stdout.split(separator: "\n").compactMap({ pid_t($0) }) { kill(pid, SIGKILL) }
        }
        _ = try? run(ip, ["netns", "del", namespace])
    }

    // MARK: - Commands

    private func bridge(attached: Bool) throws {
        for leg in ["r0", "r1"] {
            try ip(["-n", router, "link", "set", leg] + (attached ? ["master", "br0"] : ["nomaster"]))
        }
    }

    private func ip(_ arguments: String...) throws {
        try ip(arguments)
    }

    private func ip(_ arguments: [String]) throws {
        try Self.require(Self.run(Self.ip, arguments))
    }

    private func nft(_ namespace: String, _ command: String) throws {
        try Self.require(Self.run(Self.ip, ["netns", "exec", namespace, "nft", command]))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: executable), arguments, in: URL(fileURLWithPath: "/"),
                              environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL": "C"])
    }

    @discardableResult
    private static func require(_ result: ProcessResult) throws -> ProcessResult {
        guard result.status == 0 else { throw ChildProcess.Failure(description: "network lab: \(result)") }
        return result
    }
}

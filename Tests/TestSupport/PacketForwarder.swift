import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A userspace stand-in for `tc netem`, which this kernel lacks (`sch_netem` is not built and
/// there is no module to load). It runs in a "router" namespace between two veth legs that have
/// no address, reads every Ethernet frame from one leg with an `AF_PACKET` raw socket and writes
/// it to the other after a delay (a base plus uniform jitter, so packets overtake each other as
/// under netem's jitter), sending a share of frames at once (netem's `reorder`), dropping a share
/// (`loss`) and pacing each direction to a rate. Real frames of real TCP connections: the kernels
/// at both ends see the loss, the delay and the reordering and react as they would on a bad link.
///
/// The legs' peers must not offload checksums or segmentation (``NetworkLab`` turns that off with
/// ethtool): a frame read from a packet socket carries a partial checksum or a 64 KB super-frame
/// otherwise, and the receiving end would drop it. Counts of what it did are in ``stop()``'s answer.
public final class PacketForwarder {
    /// What to do to the frames.
    public struct Impairment: Sendable, CustomStringConvertible {
        /// Added to every frame, in seconds, in both directions.
        public var delay: TimeInterval = 0
        /// Each frame's delay varies uniformly by up to this much either way.
        public var jitter: TimeInterval = 0
        /// The share of frames (0...1) sent at once, ahead of delayed ones.
        public var reorder: Double = 0
        /// The share of frames (0...1) dropped.
        public var loss: Double = 0
        /// Bits per second in each direction; 0 for no limit.
        public var rate: Int = 0

        public init(delay: TimeInterval = 0, jitter: TimeInterval = 0, reorder: Double = 0, loss: Double = 0, rate: Int = 0) {
            self.delay = delay
            self.jitter = jitter
            self.reorder = reorder
            self.loss = loss
            self.rate = rate
        }

        public var description: String {
            var parts = ["delay \(Int(delay * 1000)) ms ± \(Int(jitter * 1000)) ms"]
            if reorder > 0 { parts.append("\(Int(reorder * 100))% reordered") }
            if loss > 0 { parts.append("\(Int(loss * 100))% lost") }
            if rate > 0 { parts.append("\(rate / 1000) kbit/s") }
            return parts.joined(separator: ", ")
        }
    }

    private let process: ChildProcess
    private let statistics: URL

    /// Starts forwarding between `legA` and `legB` through `launcher` (`ip netns exec ROUTER`),
    /// returning once both packet sockets are bound. `folder` holds the script and its counts.
    public init(between legA: String, and legB: String, launcher: [String], impairment: Impairment, seed: UInt64, folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("packet_forwarder.py")
        try Data(Self.script.utf8).write(to: script)
        statistics = folder.appendingPathComponent("forwarder-\(UUID().uuidString).txt")
        let arguments = [script.path, legA, legB, String(impairment.delay), String(impairment.jitter), String(impairment.reorder),
                         String(impairment.loss), String(impairment.rate), statistics.path, String(seed)]
        let command = launcher + ["/usr/bin/python3"] + arguments
        process = try ChildProcess(command[0], Array(command.dropFirst()), environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin"],
                                   stdout: .pipe, stderr: .sameAsStdout)
        var line = [UInt8]()
        var byte: UInt8 = 0
        while line.last != UInt8(ascii: "\n") {
            let count = read(process.stdoutPipe ?? -1, &byte, 1)
            if count == 1 { line.append(byte) } else if count == 0 || errno != EINTR { break }
        }
        guard String(decoding: line, as: UTF8.self) == "ready\n" else {
            process.stop()
            throw ChildProcess.Failure(description: "the packet forwarder did not start: \(String(decoding: line, as: UTF8.self))")
        }
    }

    deinit { process.stop() }

    /// Stops forwarding (frames still queued are dropped, as on a cut link) and says what it did:
    /// "forwarded=N dropped=N reordered=N overflowed=N".
    @discardableResult
    public func stop() -> String {
        process.stop()
        return ((try? String(contentsOf: statistics, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let script = #"""
        import heapq, random, select, signal, socket, sys, time

        ETH_P_ALL, PACKET_OUTGOING, LIMIT = 0x0003, 4, 1000
        leg_a, leg_b = sys.argv[1], sys.argv[2]
        delay, jitter, reorder, loss = (float(value) for value in sys.argv[3:7])
        rate, statistics_path = int(sys.argv[7]), sys.argv[8]
        random.seed(int(sys.argv[9]))

        def leg(name):
            # Protocol 0 until bound, so no frame of another interface is ever read.
            sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
            sock.bind((name, ETH_P_ALL))
            sock.setblocking(False)
            return sock

        a, b = leg(leg_a), leg(leg_b)
        peer = {a: b, b: a}
        queued = {a: 0, b: 0}
        free_at = {a: 0.0, b: 0.0}
        counts = {"forwarded": 0, "dropped": 0, "reordered": 0, "overflowed": 0}
        heap, sequence, running = [], 0, True

        def stop(*_):
            global running
            running = False

        signal.signal(signal.SIGTERM, stop)
        print("ready", flush=True)

        def accept(source, frame):
            global sequence
            out = peer[source]
            if loss and random.random() < loss:
                counts["dropped"] += 1
                return
            if queued[out] >= LIMIT:
                counts["overflowed"] += 1
                return
            start = time.monotonic()
            if rate:
                start = max(start, free_at[out]) + len(frame) * 8 / rate
                free_at[out] = start
            if reorder and random.random() < reorder:
                due = start
                counts["reordered"] += 1
            else:
                due = start + max(0.0, delay + random.uniform(-jitter, jitter))
            sequence += 1
            queued[out] += 1
            heapq.heappush(heap, (due, sequence, out, frame))

        while running:
            timeout = max(0.0, heap[0][0] - time.monotonic()) if heap else 0.5
            try:
                ready, _, _ = select.select([a, b], [], [], timeout)
            except InterruptedError:
                continue
            for source in ready:
                while True:
                    try:
                        frame, address = source.recvfrom(65536)
                    except OSError:
                        break
                    # A packet socket also sees the frames it sent itself.
                    if address[2] != PACKET_OUTGOING:
                        accept(source, frame)
            now = time.monotonic()
            while heap and heap[0][0] <= now:
                _, _, out, frame = heapq.heappop(heap)
                queued[out] -= 1
                try:
                    out.send(frame)
                    counts["forwarded"] += 1
                except OSError:
                    counts["dropped"] += 1

        with open(statistics_path, "w") as statistics:
            statistics.write(" ".join(f"{key}={value}" for key, value in counts.items()) + "\n")
        """#
}

internal import Clibgit2
import Foundation

/// Process-wide libgit2 state shared by every GitKit entry point.
enum Libgit2 {
    /// libgit2 must be initialised before any other call and only once per process; a
    /// `static let` gives exactly that, lazily and thread-safely. Shutdown is never called
    /// because handles may outlive any point we could pick for it.
    private static let initialization: Int32 = {
        // The system certificates are parsed, and libssh2 set up, before the first connection
        // instead (see `deferringSystemCertificates`): a local command needs neither.
        let count = deferringSystemCertificates { git_libgit2_init() }
        // libgit2 caches trees up to 4 KiB only; a notebook's year folder (365 entries) is about
        // 13 KiB, so walking history inflated the same few trees again for every commit.
        if count >= 0 { _ = hearth_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20) }
        return count
    }()

    /// The certificate locations of the environment, applied on first use (a `static let`: once,
    /// thread-safely): loading them costs tens of milliseconds (a folder of PEM files is parsed
    /// whole), which only an https connection should pay.
    private static let certificateLocations: String? = {
        ensureInitialized()
        // Loaded first, so that a failure below leaves libgit2 with what it had before.
        _ = systemCertificates
        return useCertificateLocations(ProcessInfo.processInfo.environment)
    }()

    /// The system certificates libgit2's initialisation left to be parsed, parsed (once,
    /// thread-safely).
    private static let systemCertificates: Void = {
        ensureInitialized()
        loadSystemCertificates()
    }()

    /// libssh2, which libgit2's initialisation left to be set up, set up (once, thread-safely:
    /// two first ssh sessions at once would otherwise both set it up).
    private static let sshLibrary: Void = {
        ensureInitialized()
        loadSSHLibrary()
    }()

    /// Touches the initialisation token; every public entry point that does not already
    /// hold a repository handle calls this first.
    static func ensureInitialized() {
        // A negative count means libgit2 could not set itself up (its TLS or thread state); every
        // later call would fail with a misleading message, so stop here with the real reason.
        precondition(initialization >= 0, "libgit2 failed to initialise (git_libgit2_init returned \(initialization))")
    }

    /// Makes libgit2 trust the system's certificates before a connection to `url` when it is not
    /// a folder on this machine (any other may end in TLS: a redirect, a proxy, `insteadOf`), and
    /// the environment's when it is an http or https one (an http server may redirect to https).
    /// `url` is as given, before git's `insteadOf` rewriting: a clone, which has no remote of
    /// its own to ask for the rewritten URL, passes `always` (a folder-looking URL that config
    /// turns into https would otherwise meet an empty chain and fail). libssh2 is set up then
    /// too, for the same connections (any of them may be ssh).
    static func prepareCertificates(for url: String, always: Bool = false) {
        if always || Remote.localPath(of: url) == nil {
            _ = systemCertificates
            _ = sshLibrary
        }
        if url.lowercased().hasPrefix("http") { _ = certificateLocations }
    }

    /// Why the certificates named by `SSL_CERT_FILE` or `SSL_CERT_DIR` could not be loaded, if so.
    static var certificateLocationProblem: String? { certificateLocations }

    /// Trusts the certificate authorities in `SSL_CERT_FILE` (a PEM bundle) and `SSL_CERT_DIR` (a
    /// folder of PEM files), the variables OpenSSL, curl and git read, instead of the system bundle.
    /// Debian's libgit2 1.5 with mbedTLS loads only `/etc/ssl/certs/ca-certificates.crt` and
    /// ignores both variables. Done once, before any connection: the option replaces the CA chain
    /// every TLS connection shares. Returns a message when the certificates cannot be loaded:
    /// libgit2 1.5 then keeps the chain it had (the system bundle), and an https failure carries
    /// that message.
    private static func useCertificateLocations(_ environment: [String: String]) -> String? {
        let file = environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let directory = environment["SSL_CERT_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        guard file != nil || directory != nil else { return nil }
        guard hearth_set_ssl_cert_locations(file, directory) < 0 else { return nil }
        let named = [file.map { "SSL_CERT_FILE=\($0)" }, directory.map { "SSL_CERT_DIR=\($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
        let reason = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unreadable"
        return "cannot load the certificates named by \(named): \(reason)"
    }
}

#if os(Linux)
import Glibc
import Synchronization

/// The system certificate bundle libgit2 1.5 (Debian's, built with mbedTLS) parses inside
/// `git_libgit2_init`: about 4 ms of CPU, most of a local command's libgit2 start-up, for
/// certificates only an https connection reads. GitKit defines `mbedtls_x509_crt_parse_file` in
/// the program, which the dynamic linker then binds libgit2's call to (the program comes first in
/// symbol lookup): during the initialisation it only notes the chain and the file, and
/// ``Libgit2/loadSystemCertificates()`` parses them into that chain, with mbedTLS's own function,
/// before the first connection to another machine. Any later call (an explicit
/// `GIT_OPT_SET_SSL_CERT_LOCATIONS`, which gives libgit2 a new chain and frees the noted one)
/// goes straight to mbedTLS.
///
/// libssh2's set-up is deferred the same way: `git_libgit2_init` calls `libssh2_init`, which sets
/// up OpenSSL's libcrypto (tables of algorithm names, freed again at exit), 0.45 ms of CPU in a C
/// program doing `git show REV:PATH` with libgit2 (README, "The floor"), for ssh connections only.
/// The program's `libssh2_init` returns success during the initialisation and calls libssh2's own
/// at any other time: ``Libgit2/loadSSHLibrary()`` does before the first connection to another
/// machine, and libssh2 calls it itself when a session is made while it is not set up.
extension Libgit2 {
    /// Runs `body` (the libgit2 initialisation) noting instead of parsing the certificate files
    /// libgit2 asks mbedTLS to parse, and noting instead of doing libssh2's set-up.
    static func deferringSystemCertificates<T>(_ body: () -> T) -> T {
        deferredCertificates.withLock { $0.deferring = true }
        defer { deferredCertificates.withLock { $0.deferring = false } }
        return body()
    }

    /// Parses the certificate files noted during the initialisation into libgit2's chain (once;
    /// later calls find nothing noted).
    static func loadSystemCertificates() {
        let noted = deferredCertificates.withLock { state in
            defer { state.noted = [] }
            return state.noted
        }
        guard !noted.isEmpty, let parse = mbedtlsParseFile else { return }
        // A file that does not parse leaves the chain without it, as libgit2 would have (it
        // ignores the failure and trusts nothing it could not read).
        for file in noted { _ = file.path.withCString { parse(UnsafeMutableRawPointer(bitPattern: file.chain), $0) } }
    }

    /// Sets libssh2 up if libgit2's initialisation left it to be (once; later calls find nothing
    /// deferred, and libssh2 counts its set-ups, so one more is harmless).
    static func loadSSHLibrary() {
        let deferred = deferredCertificates.withLock { state in
            defer { state.sshDeferred = false }
            return state.sshDeferred
        }
        guard deferred, let initialize = libssh2Init else { return }
        _ = initialize(0)
    }

    /// Whether libgit2 is being initialised, the certificate files it asked to have parsed
    /// meanwhile, each with the address of the chain to parse it into, and whether it asked for
    /// libssh2's set-up.
    fileprivate static let deferredCertificates = Mutex((deferring: false, noted: [(chain: UInt, path: String)](), sshDeferred: false))

    fileprivate typealias ParseFile = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32

    /// mbedTLS's own `mbedtls_x509_crt_parse_file`: the next definition after the program's.
    fileprivate static let mbedtlsParseFile: ParseFile? = {
        // RTLD_NEXT, which Swift does not import (a cast in a macro).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "mbedtls_x509_crt_parse_file") else { return nil }
        return unsafeBitCast(symbol, to: ParseFile.self)
    }()

    fileprivate typealias SSHInit = @convention(c) (Int32) -> Int32

    /// libssh2's own `libssh2_init`: the next definition after the program's.
    fileprivate static let libssh2Init: SSHInit? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "libssh2_init") else { return nil }
        return unsafeBitCast(symbol, to: SSHInit.self)
    }()
}

/// libssh2's `int libssh2_init(int flags)`, as the program defines it (see the extension above):
/// noted during libgit2's initialisation, passed on otherwise. Never call it from Swift.
@_cdecl("libssh2_init")
package func hearthDeferredSSHInit(_ flags: Int32) -> Int32 {
    let noted = Libgit2.deferredCertificates.withLock { state -> Bool in
        guard state.deferring else { return false }
        state.sshDeferred = true
        return true
    }
    if noted { return 0 }
    // libssh2's error for a set-up that failed: cannot happen while libssh2 is linked.
    guard let initialize = Libgit2.libssh2Init else { return -1 }
    return initialize(flags)
}

/// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)`, as
/// the program defines it (see the extension above): noted during libgit2's initialisation,
/// passed on otherwise. Never call it from Swift.
@_cdecl("mbedtls_x509_crt_parse_file")
package func hearthDeferredCertificateParse(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    let noted = Libgit2.deferredCertificates.withLock { state -> Bool in
        guard state.deferring, let chain, let path else {
            // A new chain replaces the noted one, which libgit2 frees: never parse into it.
            state.noted = []
            return false
        }
        state.noted.append((chain: UInt(bitPattern: chain), path: String(cString: path)))
        return true
    }
    if noted { return 0 }
    // MBEDTLS_ERR_X509_FILE_IO_ERROR: cannot happen while mbedTLS is the caller.
    guard let parse = Libgit2.mbedtlsParseFile else { return -0x2900 }
    return parse(chain, path)
}
#endif

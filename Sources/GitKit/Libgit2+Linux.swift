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
extension Libgit2 {
    /// Runs `body` (the libgit2 initialisation) noting instead of parsing the certificate files
    /// libgit2 asks mbedTLS to parse.
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

    /// Whether libgit2 is being initialised, and the certificate files it asked to have parsed
    /// meanwhile, each with the address of the chain to parse it into.
    fileprivate static let deferredCertificates = Mutex((deferring: false, noted: [(chain: UInt, path: String)]()))

    fileprivate typealias ParseFile = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32

    /// mbedTLS's own `mbedtls_x509_crt_parse_file`: the next definition after the program's.
    fileprivate static let mbedtlsParseFile: ParseFile? = {
        // RTLD_NEXT, which Swift does not import (a cast in a macro).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "mbedtls_x509_crt_parse_file") else { return nil }
        return unsafeBitCast(symbol, to: ParseFile.self)
    }()
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

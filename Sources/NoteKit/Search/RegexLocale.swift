#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The locale POSIX regular expressions are compiled and run in: UTF-8, whatever the user's
/// `LANG` says, because entries are UTF-8 by definition (hearth reads nothing else).
///
/// Set per thread with `uselocale`, never with `setlocale`, so nothing else in the process
/// changes. glibc's matcher reads the thread's locale while it runs (to decode multibyte
/// characters and fold case), so every thread that matches must be inside ``run(_:)``.
enum RegexLocale {
    /// `C.UTF-8`, or nil where the system lacks it (patterns then match bytes, as in the C locale).
    /// `nonisolated(unsafe)` only because `locale_t` is a C pointer: the locale is created once
    /// (a static's initialiser runs once, whichever thread gets there first), never changed or
    /// freed, and POSIX lets any number of threads use one locale object with `uselocale`.
    nonisolated(unsafe) private static let utf8: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    /// Runs `body` with the UTF-8 locale as this thread's locale.
    static func run<Result>(_ body: () -> Result) -> Result {
        guard let utf8 else { return body() }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return body()
    }
}

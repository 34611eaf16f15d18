import Foundation

/// The locale POSIX regular expressions are compiled and run in: UTF-8, whatever the user's
/// `LANG` says, because entries are UTF-8 by definition (hearth reads nothing else).
///
/// Set per thread with `uselocale`, never with `setlocale`, so nothing else in the process
/// changes. glibc's matcher reads the thread's locale while it runs (to decode multibyte
/// characters and fold case), so every thread that matches must be inside ``run(_:)``.
enum RegexLocale {
    /// The first UTF-8 locale the system has, or nil where it has none (patterns then match
    /// bytes, as in the C locale). Names are tried in turn rather than chosen per platform:
    /// glibc has `C.UTF-8`, macOS has `UTF-8`, and most systems `en_US.UTF-8`.
    nonisolated(unsafe) private static let utf8: locale_t? = {
        let names: [String] = ["C.UTF-8", "UTF-8", "en_US.UTF-8"]
        for name in names {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()

    /// Runs `body` with the UTF-8 locale as this thread's locale.
    static func run<Result>(_ body: () -> Result) -> Result {
        guard let utf8 else { return body() }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return body()
    }
}

import Foundation

/// One compiled POSIX extended regular expression (`regcomp`/`regexec` with `REG_NEWLINE`, so
/// `^`, `$` and `.` work line by line inside a whole file's bytes).
///
/// Not shared between threads: glibc's `regexec` takes a lock inside the compiled pattern, so
/// threads sharing one would take turns. ``GrepMatcher`` hands each thread its own copy.
final class RegexPattern {
    private let regex: UnsafeMutablePointer<regex_t>

    /// Compiles `pattern`; call inside ``RegexLocale/run(_:)``.
    init(_ pattern: String, ignoreCase: Bool) throws(GrepPatternError) {
        if pattern.utf8.contains(UInt8(ascii: "\n")) {
            throw GrepPatternError(pattern: pattern, reason: "it contains a line break, and matches never span lines (use a|b to find either of two things)")
        }
        // Compiled before `self` is whole: a failed init then never reaches deinit's regfree.
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        var flags = REG_EXTENDED | REG_NEWLINE
        if ignoreCase { flags |= REG_ICASE }
        let status = regcomp(compiled, pattern, flags)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &message, message.count)
            compiled.deallocate()
            let reason = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw GrepPatternError(pattern: pattern, reason: reason.lowercased())
        }
        regex = compiled
    }

    deinit {
        regfree(regex)
        regex.deallocate()
    }

    /// The most bytes one search can cover: offsets are `regoff_t`, 32 bits in glibc.
    static let maximumLength = Int(regoff_t.max)

    /// The first match in `base[start..<end]`, as offsets from `base`. `start` counts as the start
    /// of a line unless `notBOL` (for a second match further along the same line).
    func firstMatch(in base: UnsafePointer<UInt8>, from start: Int, to end: Int, notBOL: Bool = false) -> Range<Int>? {
        guard end <= Self.maximumLength else { return nil }
        // REG_STARTEND bounds the search without a NUL terminator, so a file's bytes are searched
        // where they lie, and a NUL inside them is an ordinary byte.
        var match = regmatch_t()
        match.rm_so = regoff_t(start)
        match.rm_eo = regoff_t(end)
        let flags = REG_STARTEND | (notBOL ? REG_NOTBOL : 0)
        let status = base.withMemoryRebound(to: CChar.self, capacity: end) { regexec(regex, $0, 1, &match, flags) }
        guard status == 0 else { return nil }
        return Int(match.rm_so)..<Int(match.rm_eo)
    }
}

extension Remote {
    /// `url` fit to print: a password written into it (`https://user:secret@host/...`) is left
    /// out (`https://user@host/...`), and so is a user part that is really a token
    /// (`https://ghp_...@github.com/...`, GitHub's documented form, becomes `https://***@github.com/...`).
    /// Anything else is returned unchanged.
    public static func redacted(_ url: String) -> String {
        guard let parts = userInfo(of: url) else { return url }
        let user = looksLikeToken(parts.user) ? "***" : parts.user
        return parts.before + user + parts.after
    }

    /// The secrets written into `url` that ``redacted(_:)`` leaves out: its password, and its
    /// user part when that is a token. Messages that quote the URL in pieces are cleaned with these.
    public static func secrets(in url: String) -> [String] {
        guard let parts = userInfo(of: url) else { return [] }
        return [parts.password, looksLikeToken(parts.user) ? parts.user : nil].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// ``url`` fit to print (see ``redacted(_:)``).
    public var displayURL: String { Self.redacted(url) }

    /// `scheme://` (before), the user, the password, and `@host/...` (after); nil without a user part.
    private static func userInfo(of url: String) -> (before: String, user: String, password: String?, after: String)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        // The last "@" of the authority: a password may contain one, a host never does.
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return nil }
        let info = rest[..<at]
        let colon = info.firstIndex(of: ":")
        return (String(url[..<schemeEnd.upperBound]), String(info[..<(colon ?? info.endIndex)]),
                colon.map { String(info[info.index(after: $0)...]) }, String(url[at...]))
    }

    /// Whether a URL's user name is a credential: a known token prefix, or too long for a name.
    private static func looksLikeToken(_ user: String) -> Bool {
        let prefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-"]
        return user.count >= 24 || prefixes.contains { user.hasPrefix($0) }
    }
}

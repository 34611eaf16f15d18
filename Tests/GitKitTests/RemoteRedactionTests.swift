import GitKit
import Testing

/// Remote URLs as hearth prints them: passwords and tokens left out, everything else kept.
struct RemoteRedactionTests {
    @Test(arguments: [
        ("https://alice:s3cret@example.com/notebook.git", "https://alice@example.com/notebook.git", ["s3cret"]),
        ("https://ghp_abcdefghijklmnop@github.com/ana/journal.git", "https://***@github.com/ana/journal.git", ["ghp_abcdefghijklmnop"]),
        ("https://0123456789abcdef0123456789abcdef@host/x.git", "https://***@host/x.git", ["0123456789abcdef0123456789abcdef"]),
        ("https://user:p@ss@host/x.git", "https://user@host/x.git", ["p@ss"]),
        ("ssh://git@host:2222/srv/x.git", "ssh://git@host:2222/srv/x.git", []),
        ("https://host/path@with-at/x.git", "https://host/path@with-at/x.git", []),
        ("file://me:pw@/srv/x.git", "file://me@/srv/x.git", ["pw"]),
        ("/srv/journal.git", "/srv/journal.git", []),
        ("git@github.com:ana/journal.git", "git@github.com:ana/journal.git", []),
    ])
    func redaction(url: String, printed: String, secrets: [String]) {
        #expect(Remote.redacted(url) == printed)
        #expect(Remote.secrets(in: url) == secrets)
        for secret in secrets { #expect(!Remote.redacted(url).contains(secret)) }
    }
}

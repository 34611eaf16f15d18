import GitKit
import Testing

/// Which remote URLs name a folder on this machine (git's rules), as the sync, the watchdog and
/// `hearth remote add` all decide it.
struct RemoteLocalPathTests {
    @Test(arguments: [
        ("/srv/journal.git", "/srv/journal.git"),
        ("../journal.git", "../journal.git"),
        ("./odd:name.git", "./odd:name.git"),
        ("file:///srv/my%20journal.git", "/srv/my journal.git"),
        ("FILE:///srv/x.git", "/srv/x.git"),
    ])
    func local(url: String, path: String) {
        #expect(Remote.localPath(of: url) == path)
    }

    @Test(arguments: ["ssh://git@host/srv/x.git", "https://host/x.git", "git://host/x.git", "git@github.com:ana/x.git",
                      "host:x.git"])
    func network(url: String) {
        #expect(Remote.localPath(of: url) == nil)
    }
}

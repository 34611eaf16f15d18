import GitKit

extension Repository {
    /// This clone's device name as hearth's commits carry it: `hearth.device` from the clone's
    /// git config, else the host name; always sanitized (see ``DeviceName``).
    package func deviceName() throws(GitError) -> String {
        DeviceName.sanitized(try configString("hearth.device") ?? DeviceName.host())
    }
}

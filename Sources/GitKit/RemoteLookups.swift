internal import Clibgit2

/// The configured remotes one repository handle has looked up, each kept as a template that
/// every later operation copies (`git_remote_dup`) for as long as the configuration is the same.
///
/// Debian's libgit2 1.5.1 leaks memory in every `git_remote_lookup`: it rewrites the URLs by
/// `url.<base>.insteadOf` and `pushInsteadOf`, walking every configuration entry with a regular
/// expression, and each entry that does not match leaks a PCRE2 match block (20 kB allocated,
/// 3-4 kB of it resident: about 100 kB of memory a lookup with a dozen entries; fixed in
/// libgit2 1.6.1). A sync names its remote many times (choose it, fetch, push, mark the push,
/// find its folder), so a handle looks the remote up once and copies it after: a copy holds the
/// same URLs, push URL, refspecs, tag and prune settings, and reads no configuration. The copy
/// is compared against the whole configuration as it stands now, read without a regular
/// expression, so a changed URL or any other setting is looked up afresh: what a lookup would
/// give, every time.
final class RemoteLookups {
    private var templates: [String: (configuration: [String], handle: OpaquePointer)] = [:]

    deinit { removeAll() }

    /// Frees every template (before the repository they belong to is freed).
    func removeAll() {
        for template in templates.values { git_remote_free(template.handle) }
        templates = [:]
    }

    /// `git_remote_lookup(&out, repository, name)`, with its result and its errors, made as a
    /// copy of the template when the configuration has not changed since it was looked up.
    /// The caller owns `out` and frees it with `git_remote_free`.
    func lookup(_ out: inout OpaquePointer?, _ repository: Repository, _ name: String) -> Int32 {
        let configuration = (try? repository.configEntries())?.map { $0.name + "=" + $0.value }
        if let configuration, let template = templates[name], template.configuration == configuration {
            return git_remote_dup(&out, template.handle)
        }
        var looked: OpaquePointer?
        let result = git_remote_lookup(&looked, repository.pointer, name)
        guard result == 0, let looked else { return result }
        if let old = templates.removeValue(forKey: name) { git_remote_free(old.handle) }
        guard let configuration else {
            out = looked
            return 0
        }
        templates[name] = (configuration, looked)
        return git_remote_dup(&out, looked)
    }
}

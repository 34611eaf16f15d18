internal import Clibgit2
import Foundation

/// The Swift side of one fetch, push or clone: libgit2's `git_remote_callbacks` receive this
/// object through their `payload` and forward to it. Errors raised inside a callback are kept
/// here and rethrown after the C call returns, so the message is ours rather than libgit2's
/// generic "callback returned error".
final class RemoteCallbackContext {
    /// The caller's options; their closures run inside the C callbacks on the calling thread.
    let options: NetworkOptions
    /// Phrase for error messages, e.g. "fetch from origin".
    let operation: String
    /// The first error a callback produced.
    var error: GitError?
    /// References the server refused on push, with its reason (`push_update_reference`).
    var rejectedReferences: [(reference: String, reason: String)] = []
    /// Text the server sent on the sideband ("remote: ..."), e.g. a hook's output.
    var remoteMessages = Data()
    private var credentials: CredentialSequence
    /// The URL libgit2 is about to connect to, for the port the host key check needs (libgit2
    /// hands that check the host alone).
    private var connectingURL: String?

    init(options: NetworkOptions, operation: String) {
        self.options = options
        self.operation = operation
        self.credentials = CredentialSequence(options: options.credentials)
    }

    /// Points `callbacks` at this context. The caller must keep the context alive until the
    /// libgit2 call that uses `callbacks` returns (`withExtendedLifetime`).
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, usernameFromURL, allowedTypes, payload in
            guard let out, let payload else { return -1 }
            return RemoteCallbackContext.from(payload).acquireCredential(
                out, url: url.map { String(cString: $0) } ?? "",
                usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowedTypes: allowedTypes
            )
        }
        callbacks.sideband_progress = { text, length, payload in
            guard let text, let payload, length > 0 else { return 0 }
            let context = RemoteCallbackContext.from(payload)
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                context.remoteMessages.append($0, count: Int(length))
            }
            return 0
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats = stats?.pointee, let payload else { return 0 }
            RemoteCallbackContext.from(payload).options.progress?(TransferProgress(
                receivedObjects: Int(stats.received_objects), totalObjects: Int(stats.total_objects),
                indexedObjects: Int(stats.indexed_objects), receivedBytes: Int(stats.received_bytes),
                totalDeltas: Int(stats.total_deltas), indexedDeltas: Int(stats.indexed_deltas)
            ))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let payload else { return 0 }
            RemoteCallbackContext.from(payload).options.progress?(TransferProgress(
                receivedObjects: Int(current), totalObjects: Int(total), indexedObjects: Int(current),
                receivedBytes: Int(bytes)
            ))
            return 0
        }
        callbacks.push_update_reference = { reference, status, payload in
            // A nil status means the server accepted the update.
            guard let reference, let status, let payload else { return 0 }
            RemoteCallbackContext.from(payload).rejectedReferences.append(
                (String(cString: reference), String(cString: status))
            )
            return 0
        }
        callbacks.remote_ready = { remote, direction, payload in
            guard let remote, let payload else { return 0 }
            let pushURL = direction == Int32(GIT_DIRECTION_PUSH.rawValue) ? git_remote_pushurl(remote) : nil
            RemoteCallbackContext.from(payload).connectingURL = (pushURL ?? git_remote_url(remote)).map { String(cString: $0) }
            return 0
        }
        callbacks.certificate_check = { certificate, valid, host, payload in
            guard let certificate, let payload else { return -1 }
            return RemoteCallbackContext.from(payload).checkCertificate(
                certificate, valid: valid != 0, host: host.map { String(cString: $0) } ?? ""
            )
        }
    }

    /// The error to throw for a failed libgit2 call: a callback's own error if it raised one,
    /// otherwise libgit2's (read at once, before any other libgit2 call), turned into the list of
    /// credentials tried when the server hung up during ssh authentication.
    func failure(_ result: Int32, path: String? = nil) -> GitError {
        if let error { return error }
        let last = GitError.last(result, operation: operation, path: path)
        if let message = credentials.interruptedSSHMessage(detail: last.message) {
            return GitError(code: .auth, errorClass: last.errorClass, message: message, operation: operation, path: path)
        }
        return last
    }

    /// The remote's sideband text as trimmed lines, without git's progress chatter.
    var remoteText: String {
        String(decoding: remoteMessages, as: UTF8.self)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    private static func from(_ payload: UnsafeMutableRawPointer) -> RemoteCallbackContext {
        Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue()
    }

    private func acquireCredential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, url: String, usernameFromURL: String?, allowedTypes: UInt32
    ) -> Int32 {
        let answer = credentials.next(url: url, usernameFromURL: usernameFromURL, allowedTypes: allowedTypes)
        let result: Int32
        switch answer {
        case .username(let user):
            result = git_credential_username_new(out, user)
        case .agent(let user):
            result = git_credential_ssh_key_from_agent(out, user)
        case .keyFile(let user, let privateKey, let publicKey):
            result = git_credential_ssh_key_new(out, user, publicKey, privateKey, nil)
        case .token(let user, let token):
            result = git_credential_userpass_plaintext_new(out, user, token)
        case .exhausted(let message):
            let errorClass = allowedTypes & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 ? GIT_ERROR_SSH : GIT_ERROR_HTTP
            error = error ?? GitError(code: .auth, errorClass: Int32(errorClass.rawValue), message: message, operation: operation)
            return GitError.Code.auth.rawValue
        }
        if result < 0 {
            error = error ?? GitError.last(result, operation: operation)
        }
        return result
    }

    private func checkCertificate(_ certificate: UnsafeMutablePointer<git_cert>, valid: Bool, host: String) -> Int32 {
        guard certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
            // HTTPS certificates: keep libgit2's verdict against the system CA bundle.
            return GitError.Code.passthrough.rawValue
        }
        // git_cert is the first member of git_cert_hostkey, so the pointer is the whole struct.
        let hostKey = UnsafeRawPointer(certificate).load(as: git_cert_hostkey.self)
        let types = hostKey.type.rawValue
        var sha256: Data?
        if types & GIT_CERT_SSH_SHA256.rawValue != 0 {
            sha256 = withUnsafeBytes(of: hostKey.hash_sha256) { Data($0) }
        }
        var rawKey: Data?
        if types & GIT_CERT_SSH_RAW.rawValue != 0, let bytes = hostKey.hostkey, hostKey.hostkey_len > 0 {
            rawKey = Data(bytes: bytes, count: hostKey.hostkey_len)
        }
        let port = connectingURL.map { HostKeyTrust.port(in: $0, host: host) } ?? 22
        let key = HostKey(
            host: host, port: port, isKnown: valid, sha256: sha256, keyType: Self.keyTypeName(hostKey.raw_type), rawKey: rawKey
        )
        let message: String
        var cause: GitError.Cause?
        if let check = options.certificateCheck {
            if check(key) { return 0 }
            message = "the ssh host key of \(KnownHosts.hostName(host, port: port)) (\(key.fingerprint ?? "no SHA-256 fingerprint")) is not trusted"
        } else {
            switch HostKeyTrust(options: options.credentials).decide(key, libgit2Valid: valid) {
            case .trust: return 0
            case .refuse(let reason, let why):
                message = reason
                cause = why
            }
        }
        error = error ?? GitError(code: .certificate, errorClass: Int32(GIT_ERROR_SSH.rawValue), message: message, operation: operation, cause: cause)
        return GitError.Code.certificate.rawValue
    }

    private static func keyTypeName(_ type: git_cert_ssh_raw_type_t) -> String? {
        switch type {
        case GIT_CERT_SSH_RAW_TYPE_RSA: "ssh-rsa"
        case GIT_CERT_SSH_RAW_TYPE_DSS: "ssh-dss"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256: "ecdsa-sha2-nistp256"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384: "ecdsa-sha2-nistp384"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521: "ecdsa-sha2-nistp521"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519: "ssh-ed25519"
        default: nil
        }
    }
}

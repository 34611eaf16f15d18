import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real git server over https on 127.0.0.1: Python's `http.server` behind TLS with a freshly
/// made self-signed certificate, asking for HTTP Basic authentication and handing every
/// authenticated request to `git http-backend` (CGI), which serves fetch and push for the bare
/// repositories under `projectRoot`. Any user name is accepted with the right password (the token).
///
/// Each request is logged as "METHOD PATH auth=none|bad|good" so tests can count attempts; the
/// token reaches the server only through its environment and is never written anywhere.
public final class HTTPSGitServer {
    /// The port it listens on.
    public let port: Int
    /// The address it listens on, which its certificate names.
    public let host: String
    /// The self-signed certificate (PEM), which is its own certificate authority.
    public let certificate: URL
    private let log: URL
    private let process: ChildProcess

    /// Makes a certificate for `host` in `folder` and starts serving `projectRoot` there, through
    /// `launcher` when given (`ip netns exec NAME`, for a server in a network namespace).
    public init(projectRoot: URL, token: String, folder: URL, host: String = "127.0.0.1", launcher: [String] = []) throws {
        self.host = host
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        certificate = folder.appendingPathComponent("server-cert.pem")
        let key = folder.appendingPathComponent("server-key.pem")
        log = folder.appendingPathComponent("requests.log")
        // mbedTLS 2.28 matches the host against the common name (it ignores IP addresses in
        // subjectAltName), so the certificate names the address there and has no SAN.
        let made = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/openssl"),
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=\(host)",
             "-keyout", key.path, "-out", certificate.path],
            in: folder, environment: ["PATH": "/usr/bin:/bin"]
        )
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl: \(made)"]) }
        let script = folder.appendingPathComponent("https_git_server.py")
        try Data(Self.script.utf8).write(to: script)
        let command = launcher + ["/usr/bin/python3", script.path, projectRoot.path, certificate.path, key.path, log.path, host]
        let process = try ChildProcess(command[0], Array(command.dropFirst()),
                                       environment: ["PATH": "/usr/bin:/bin", "EXPECTED_TOKEN": token, "HOME": folder.path],
                                       stdout: .pipe, stderr: .discard)
        self.process = process
        // The script prints its port once it listens.
        var line = [UInt8]()
        var byte: UInt8 = 0
        while line.last != UInt8(ascii: "\n") {
            let count = read(process.stdoutPipe ?? -1, &byte, 1)
            if count == 1 { line.append(byte) } else if count == 0 || errno != EINTR { break }
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.signal(SIGKILL)
            process.wait()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the https git server did not start"])
        }
        self.port = port
    }

    deinit { stop() }

    /// The https URL of the repository `name` under the project root.
    public func url(_ name: String) -> String { "https://\(host):\(port)/\(name)" }

    /// The requests so far, one "METHOD PATH auth=..." line each.
    public var requests: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Stops the server and waits for it.
    public func stop() {
        process.signal(SIGKILL)
        process.wait()
    }

    private static let script = #"""
        import base64, http.server, os, ssl, subprocess, sys

        root, cert, key, log_path, host = sys.argv[1:6]
        token = os.environ["EXPECTED_TOKEN"]

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def body(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    data = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            self.rfile.readline()
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def serve(self):
                body = self.body()
                state, user = "none", ""
                header = self.headers.get("Authorization")
                if header:
                    state = "bad"
                    if header.startswith("Basic "):
                        try:
                            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
                            if password == token:
                                state = "good"
                        except Exception:
                            pass
                with open(log_path, "a") as log:
                    log.write(f"{self.command} {self.path} auth={state}\n")
                if state != "good":
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="hearth"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path, _, query = self.path.partition("?")
                env = {
                    "PATH": "/usr/bin:/bin", "HOME": root, "GIT_CONFIG_NOSYSTEM": "1",
                    "GIT_PROJECT_ROOT": root, "GIT_HTTP_EXPORT_ALL": "1", "REMOTE_USER": user,
                    "REMOTE_ADDR": "127.0.0.1", "REQUEST_METHOD": self.command, "PATH_INFO": path,
                    "QUERY_STRING": query, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
                    "CONTENT_LENGTH": str(len(body)),
                }
                if self.headers.get("Content-Encoding"):
                    env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
                out = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
                head, _, payload = out.partition(b"\r\n\r\n")
                status, headers = 200, []
                for line in head.decode().splitlines():
                    name, _, value = line.partition(":")
                    if name.lower() == "status":
                        status = int(value.split()[0])
                    elif name:
                        headers.append((name, value.strip()))
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = serve
            do_POST = serve

        server = http.server.ThreadingHTTPServer((host, 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}

import Foundation

/// The requests in a Chromium net log (`--log-net-log=FILE`, the JSON chrome://net-export writes),
/// split into those the page made and those the browser made for itself.
///
/// Every request the network stack starts is logged as a `URL_REQUEST_START_JOB` event with its
/// URL, initiator and network isolation key, whether or not it could reach anything, so an empty
/// list of page requests shows that the page asked for nothing, not that nothing answered. The
/// browser's own background requests (the component updater, which `--disable-component-update`
/// does not silence in Chromium 156) have no initiating origin ("not an origin") and the empty
/// isolation key ("null null"); everything else, a file:// page's `<img>`, stylesheet, font or CSS
/// `url()` included, counts as the page's.
struct ChromiumNetLog: Sendable {
    /// URLs the page asked for (anything but `file:`, `data:`, `about:`, `blob:` and `chrome:`).
    var pageRequests: [String]
    /// URLs the browser asked for on its own account (reported, never counted as the page's).
    var browserRequests: [String]
    /// How many events of any kind the log held: an empty log proves nothing. (Local files are
    /// read outside the network stack and leave no request in it.)
    var eventCount: Int

    /// Schemes that never leave the machine.
    static let localSchemes: Set = ["file", "data", "about", "blob", "chrome"]

    /// Reads the log at `url`; throws when it is not a complete net log.
    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let constants = log["constants"] as? [String: Any],
              let eventTypes = constants["logEventTypes"] as? [String: Int],
              let events = log["events"] as? [[String: Any]] else {
            throw SetupFailure(message: "\(url.path) is not a Chromium net log")
        }
        guard let startJob = eventTypes["URL_REQUEST_START_JOB"] else {
            throw SetupFailure(message: "\(url.path): no URL_REQUEST_START_JOB event type in the net log's constants")
        }
        var page: [String] = []
        var browser: [String] = []
        for event in events where event["type"] as? Int == startJob {
            guard let parameters = event["params"] as? [String: Any], let address = parameters["url"] as? String else { continue }
            let scheme = address.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if Self.localSchemes.contains(scheme) { continue }
            let ownRequest = parameters["initiator"] as? String == "not an origin"
                && parameters["network_isolation_key"] as? String == "null null"
            if ownRequest {
                browser.append(address)
            } else {
                page.append(address)
            }
        }
        pageRequests = page
        browserRequests = browser
        eventCount = events.count
    }
}

/// The colour scheme headless Chromium tells a page it prefers (`prefers-color-scheme`).
///
/// Blink's own setting is used, not `--force-dark-mode`: both make the media query match, but the
/// setting is given for light too, so a desktop's dark theme can never reach a "light" screenshot.
/// `HeadlessChromiumTests` checks with a page of its own that each value makes the query match.
enum ChromiumColorScheme: String, CaseIterable, Sendable {
    case light
    case dark

    /// The `--blink-settings` value (Blink's `mojom::PreferredColorScheme`: 0 dark, 1 light).
    var blinkSetting: String {
        switch self {
        case .dark: "preferredColorScheme=0"
        case .light: "preferredColorScheme=1"
        }
    }
}

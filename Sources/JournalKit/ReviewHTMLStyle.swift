/// The HTML review's style sheet, inline in the page: a light and a dark scheme
/// (`prefers-color-scheme`), colours from the Okabe-Ito palette for categories and a
/// viridis ramp for the heatmap (both readable with the common colour blindnesses), and print
/// rules for A4 and Letter.
enum ReviewHTMLStyle {
    /// The Okabe-Ito colour of each burner, in ``ReviewCalculator/burners`` order.
    static let burnerClasses = ["c-blue", "c-green", "c-orange", "c-purple"]

    /// The colour of a done category: the six journal.md names have their own, others share one
    /// grey, their stacked segments parted by a line in the card's colour (each has its tooltip).
    static func categoryClass(_ category: String) -> String {
        switch category {
        case "ship": return "c-blue"
        case "learn": return "c-green"
        case "read": return "c-sky"
        case "review": return "c-purple"
        case "help": return "c-orange"
        case "chore": return "c-yellow"
        default: return "c-grey"
        }
    }

    /// The five heatmap steps, low to high.
    static let heatClasses = ["h0", "h1", "h2", "h3", "h4"]

    static let css = """
    :root{--bg:#fff;--fg:#1a1a1a;--muted:#5f5f5f;--grid:#d9d9d9;--empty:#f3f3f3;--card:#fafafa;\
    --blue:#0072B2;--green:#009E73;--orange:#E69F00;--purple:#CC79A7;--sky:#56B4E9;--yellow:#F0E442;--verm:#D55E00;--grey:#8c8c8c;color-scheme:light dark}
    @media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ececec;--muted:#a8a8a8;--grid:#3a3a3a;--empty:#242424;--card:#1d1d1d;\
    --blue:#3d9ad6;--grey:#9a9a9a}.h0{stroke:#8a6aa0;stroke-width:.6}}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:60rem;padding:1.5rem;background:var(--bg);color:var(--fg);\
    font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:0 0 .5rem}h3{font-size:1rem;margin:1rem 0 .3rem}
    p{margin:.3rem 0}.muted,figcaption{color:var(--muted)}small{color:var(--muted)}
    section{background:var(--card);border:1px solid var(--grid);border-radius:8px;padding:1rem 1.2rem;margin:1rem 0;break-inside:avoid}
    svg{display:block;width:100%;height:auto;max-width:100%}svg text{fill:var(--muted);font-size:10px}
    svg text.ref{fill:var(--fg);paint-order:stroke;stroke:var(--card);stroke-width:3px;stroke-linejoin:round}
    figure{margin:.5rem 0}
    table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0;font-variant-numeric:tabular-nums}
    th,td{border-bottom:1px solid var(--grid);padding:.15rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
    td.t,th.t{text-align:left}
    details{margin:.4rem 0}summary{cursor:pointer;color:var(--muted)}
    ul.items{columns:2;font-size:.85rem;padding-left:1.2rem}
    .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.8rem;margin:.3rem 0;padding:0;list-style:none}
    .sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-1px;margin-right:.3rem}
    .warn{color:var(--verm);font-weight:600}.note{border-left:3px solid var(--orange);padding-left:.6rem}
    .axis{stroke:var(--grid);stroke-width:1}.line55{stroke:var(--verm);stroke-width:1.5;stroke-dasharray:6 3}
    .line50{stroke:var(--orange);stroke-width:1;stroke-dasharray:2 3}.target{stroke:var(--fg);stroke-width:2}
    .trend{fill:none;stroke-width:2}.pt{stroke:var(--bg);stroke-width:1}
    .c-blue{fill:var(--blue);stroke:var(--blue);background:var(--blue)}.c-green{fill:var(--green);stroke:var(--green);background:var(--green)}
    .c-orange{fill:var(--orange);stroke:var(--orange);background:var(--orange)}.c-purple{fill:var(--purple);stroke:var(--purple);background:var(--purple)}
    .c-sky{fill:var(--sky);stroke:var(--sky);background:var(--sky)}.c-yellow{fill:var(--yellow);stroke:var(--yellow);background:var(--yellow)}
    .c-verm{fill:var(--verm);stroke:var(--verm);background:var(--verm)}.c-grey{fill:var(--grey);stroke:var(--grey);background:var(--grey)}
    .bar.c-grey{stroke:var(--card);stroke-width:1}
    rect.bar{stroke:none}rect.risk{fill:var(--verm)}rect.over{fill:var(--orange)}rect.ok{fill:var(--blue)}
    .h0{fill:#440154;background:#440154}.h1{fill:#3b528b;background:#3b528b}.h2{fill:#21918c;background:#21918c}\
    .h3{fill:#5ec962;background:#5ec962}.h4{fill:#fde725;background:#fde725}
    .nolog{fill:none;stroke:var(--grid);stroke-width:1}.noval{fill:var(--empty);stroke:var(--grey);stroke-width:1;stroke-dasharray:2 1}
    .cal td,.cal th{padding:.1rem .3rem;font-size:.75rem}
    @page{size:auto;margin:12mm}
    @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--grid:#bbb;--card:#fff;--empty:#eee}\
    body{max-width:none;padding:0;font-size:11pt}section{border:none;padding:0;margin:0 0 6mm;break-inside:auto}\
    details>summary{display:none}h2,h3{break-after:avoid}table,figure,tr,li{break-inside:avoid}}
    """
}

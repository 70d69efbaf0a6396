/// Horizontal bars with their labels and figures written out, so the chart reads without colour.
/// Each label stands on its own line above its bar, so the chart is narrow enough to be read at
/// full size on a phone (420 wide, text 13: at least 11 px on a 390 px screen) and fits a printed page.
struct BarChart {
    /// One bar: its label, length, and what is written at its end.
    struct Bar {
        var label: String
        var value: Double
        var caption: String
        /// A lighter bar behind it, such as everyone asked behind those who took part.
        var outOf: Double? = nil
        /// A tick across the bar, such as the population's share.
        var marker: Double? = nil
        /// Drawn hatched and marked, such as an elected idea.
        var highlighted = false
        /// A heading above the bar, starting a new group (a round).
        var heading: String? = nil
    }

    static let width = 420, captionWidth = 170.0, rowHeight = 38.0, headingHeight = 24.0, barHeight = 14.0, textSize = 13
    /// Bars start a pixel in, so the outline of a bar at zero is not cut by the edge.
    static let left = 1.0

    /// The chart's markup. `scale` is the value a full bar stands for (the largest by default).
    static func svg(id: String, title: String, description: String, bars: [Bar], scale: Double? = nil, legend: [String] = []) -> String {
        let top = legend.isEmpty ? 4.0 : 26.0
        var svg = SVGDocument(id: id, width: width, height: 40, title: title, description: description)
        let full = scale ?? max(bars.map { max($0.value, $0.outOf ?? 0, $0.marker ?? 0) }.max() ?? 1, 1e-9)
        let area = Double(width) - left - captionWidth
        if !legend.isEmpty { svg.text(legend.joined(separator: " · "), x: 0, y: 16, size: textSize, limit: 160) }
        var y = top
        for bar in bars {
            if let heading = bar.heading {
                svg.text(heading, x: 0, y: y + 17, size: textSize, weight: "bold")
                y += headingHeight
            }
            let prefix = bar.highlighted ? "★ " : ""
            svg.text(prefix + bar.label, x: 0, y: y + 14, size: textSize, weight: bar.highlighted ? "bold" : nil, limit: 50)
            let barTop = y + 19
            if let outOf = bar.outOf {
                svg.rect(
                    x: left, y: barTop, width: area * outOf / full, height: barHeight, fill: Palette.faint,
                    extra: " stroke=\"\(Palette.muted)\"")
            }
            let length = area * max(0, bar.value) / full
            svg.rect(
                x: left, y: barTop, width: length, height: barHeight,
                fill: bar.highlighted ? svg.hatch : Palette.colour(bar.outOf == nil ? 5 : 0))
            if let marker = bar.marker {
                let x = left + area * marker / full
                svg.line(x1: x, y1: barTop - 3, x2: x, y2: barTop + barHeight + 3, stroke: Palette.ink, width: 2)
            }
            let end = left + max(length, area * (bar.outOf ?? 0) / full, bar.marker.map { area * $0 / full } ?? 0)
            svg.text(bar.caption, x: end + 6, y: barTop + 11.5, size: textSize)
            y += rowHeight
        }
        svg.grow(to: Int(y + 4))
        return svg.markup
    }
}

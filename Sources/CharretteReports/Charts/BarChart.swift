/// Horizontal bars with their labels and figures written out, so the chart reads without colour.
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

    static let width = 760, labelWidth = 300.0, rowHeight = 24.0, headingHeight = 22.0

    /// The chart's markup. `scale` is the value a full bar stands for (the largest by default).
    static func svg(id: String, title: String, description: String, bars: [Bar], scale: Double? = nil, legend: [String] = []) -> String {
        let top = 8.0 + (legend.isEmpty ? 0 : 22)
        var svg = SVGDocument(id: id, width: width, height: 40, title: title, description: description)
        let full = scale ?? max(bars.map { max($0.value, $0.outOf ?? 0, $0.marker ?? 0) }.max() ?? 1, 1e-9)
        let area = Double(width) - labelWidth - 190
        if !legend.isEmpty { svg.text(legend.joined(separator: " · "), x: 0, y: 16, size: 11, limit: 160) }
        var y = top
        for bar in bars {
            if let heading = bar.heading {
                svg.text(heading, x: 0, y: y + 15, size: 12, weight: "bold")
                y += headingHeight
            }
            let prefix = bar.highlighted ? "★ " : ""
            svg.text(prefix + bar.label, x: labelWidth - 8, y: y + 16, anchor: "end", size: 11, weight: bar.highlighted ? "bold" : nil, limit: 38)
            if let outOf = bar.outOf {
                svg.rect(x: labelWidth, y: y + 4, width: area * outOf / full, height: rowHeight - 8, fill: Palette.faint,
                         extra: " stroke=\"\(Palette.muted)\"")
            }
            let length = area * max(0, bar.value) / full
            svg.rect(x: labelWidth, y: y + 4, width: length, height: rowHeight - 8,
                     fill: bar.highlighted ? svg.hatch : Palette.colour(bar.outOf == nil ? 5 : 0))
            if let marker = bar.marker {
                let x = labelWidth + area * marker / full
                svg.line(x1: x, y1: y + 1, x2: x, y2: y + rowHeight - 1, stroke: Palette.ink, width: 2)
            }
            let end = labelWidth + max(length, area * (bar.outOf ?? 0) / full, bar.marker.map { area * $0 / full } ?? 0)
            svg.text(bar.caption, x: end + 6, y: y + 16, size: 11)
            y += rowHeight
        }
        svg.grow(to: Int(y + 8))
        return svg.markup
    }
}

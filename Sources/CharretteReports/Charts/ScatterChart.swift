/// The opinion map: each participant a mark placed by their first two components, one colour and
/// one shape per group (grey rings for those not clustered), with a legend under the map, so the
/// chart is no wider than the map and its text stays legible when a phone scales it down.
enum ScatterChart {
    static let size = 420.0, legendRow = 22.0, textSize = 13

    static func svg(id: String, title: String, description: String, points: [(x: Double, y: Double, group: Int)], groups: [(number: Int, size: Int)]) -> String
    {
        let margin = 24.0
        var legend: [(mark: Int, text: String)] = groups.map { ($0.number - 1, "Group \($0.number) (\($0.size))") }
        if points.contains(where: { $0.group < 0 }) { legend.append((-1, "not clustered")) }
        let legendRows = (legend.count + 1) / 2
        var svg = SVGDocument(id: id, width: Int(size), height: Int(size + 8 + legendRow * Double(legendRows)), title: title, description: description)
        let xs = points.map(\.x), ys = points.map(\.y)
        let span = max((xs.map(abs) + ys.map(abs)).max() ?? 1, 1e-9)
        func place(_ v: Double, flip: Bool) -> Double {
            let t = (v / span) * (size / 2 - margin)
            return size / 2 + (flip ? -t : t)
        }
        svg.rect(x: 0.5, y: 0.5, width: size - 1, height: size - 1, fill: "#FFFFFF", extra: " stroke=\"\(Palette.muted)\"")
        svg.line(x1: size / 2, y1: margin / 2, x2: size / 2, y2: size - margin / 2, stroke: Palette.muted, dash: "4 4")
        svg.line(x1: margin / 2, y1: size / 2, x2: size - margin / 2, y2: size / 2, stroke: Palette.muted, dash: "4 4")
        // The unclustered first, so groups draw over them.
        for point in points.sorted(by: { ($0.group < 0 ? 0 : 1) < ($1.group < 0 ? 0 : 1) }) {
            svg.add(mark(group: point.group, x: place(point.x, flip: false), y: place(point.y, flip: true)))
        }
        // The legend under the map, two entries a row.
        for (index, entry) in legend.enumerated() {
            let x = 8 + Double(index % 2) * size / 2, y = size + 24 + legendRow * Double(index / 2)
            svg.add(mark(group: entry.mark, x: x + 6, y: y - 4.5))
            svg.text(entry.text, x: x + 18, y: y, size: textSize)
        }
        return svg.markup
    }

    /// A group's mark: circle, square, triangle, diamond, cross, in its colour.
    static func mark(group: Int, x: Double, y: Double) -> String {
        let n = SVGDocument.number
        let (cx, cy) = (n(x), n(y))
        guard group >= 0 else {
            return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"4\" fill=\"none\" stroke=\"\(Palette.muted)\" stroke-width=\"1.5\"/>"
        }
        let colour = Palette.colour(group)
        let outline = " fill=\"\(colour)\" stroke=\"#FFFFFF\" stroke-width=\"0.8\""
        switch group % 5 {
        case 0: return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"5\"\(outline)/>"
        case 1: return "<rect x=\"\(n(x - 4.5))\" y=\"\(n(y - 4.5))\" width=\"9\" height=\"9\"\(outline)/>"
        case 2: return "<path d=\"M\(cx) \(n(y - 6))L\(n(x + 5.5)) \(n(y + 4))L\(n(x - 5.5)) \(n(y + 4))Z\"\(outline)/>"
        case 3: return "<path d=\"M\(cx) \(n(y - 6))L\(n(x + 6)) \(cy)L\(cx) \(n(y + 6))L\(n(x - 6)) \(cy)Z\"\(outline)/>"
        default:
            return
                "<path d=\"M\(n(x - 5)) \(n(y - 5))L\(n(x + 5)) \(n(y + 5))M\(n(x + 5)) \(n(y - 5))L\(n(x - 5)) \(n(y + 5))\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
        }
    }
}

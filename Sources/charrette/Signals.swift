import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The signals that stop the shell politely: Ctrl-C (SIGINT) cancels the line being typed or
/// stops the running command at its next step; SIGTERM, SIGHUP and SIGPIPE (the reader of the
/// output went away, as `| head` does) end the shell once the running command has stopped, so
/// that the workspace is always closed (its log moved into its file).
///
/// The handler only notes the signal. Sent again while the first is still waiting to be seen (a
/// long computation that cannot stop halfway), SIGINT, SIGTERM or SIGHUP ends the process at
/// once: every change reported done is already written, so nothing is lost but the tidy close.
/// SIGPIPE never does: every write to the closed output raises it again.
enum Signals {
    /// The signal received and not yet dealt with, or 0.
    static let pending = Atomic<Int32>(0)

    static func install() {
        _ = pending.load(ordering: .relaxed)  // initialised before any handler can touch it
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                let (exchanged, _) = Signals.pending.compareExchange(expected: 0, desired: received, ordering: .relaxed)
                if !exchanged && received != SIGPIPE {
                    // Asked twice: stop now, the way the signal would have without a handler.
                    Glibc.signal(received, SIG_DFL)
                    raise(received)
                }
            }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a read waiting for the keyboard returns, so the line can be cancelled.
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// The signal waiting, if any, which is then dealt with.
    static func take() -> Int32? {
        let signal = pending.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The signal waiting, if any, left waiting.
    static var waiting: Int32? {
        let signal = pending.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// What the shell says a signal did.
    static func reason(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "interrupted (Ctrl-C)"
        case SIGTERM: "terminated (SIGTERM)"
        case SIGHUP: "the terminal went away (SIGHUP)"
        case SIGPIPE: "the output was closed (SIGPIPE)"
        default: "signal \(signal)"
        }
    }

    /// The exit status of a process stopped by `signal`, as shells report it.
    static func exitStatus(_ signal: Int32) -> Int32 { 128 + signal }
}

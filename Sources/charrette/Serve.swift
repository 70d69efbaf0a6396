import Charrette
import CharretteRoom
import CharretteSQLite
import Foundation

/// `charrette serve DB [--port N] [--host ADDR] [--consultation TITLE] [--attempts-per-minute N]`: the live room without a
/// shell, for a consultation that runs for weeks. Stops cleanly on SIGTERM or Ctrl-C: requests
/// under way finish, streams end, the workspace is closed.
enum Serve {
    static let usage = """
        Usage: charrette serve DB [--port N] [--host ADDR] [--consultation TITLE] [--attempts-per-minute N]

        Serves the live room on a workspace: participants join with their personal links
        (room invite in the shell), the wall is at /wall. Stops on SIGTERM or Ctrl-C.

        Options:
          --port N               the port (default 8080; 0 for any free one)
          --host ADDR            127.0.0.1 (the default) or 0.0.0.0 to serve the local network
          --consultation TITLE   the consultation to serve (default: the newest one not closed)
          --attempts-per-minute N
                                 attempts at a code, walk-ins and receipt checks one address may
                                 make, N in a row then N a minute (default 20); raise it when many
                                 people share an address (behind a proxy, or a load test)
        """

    static func run(_ arguments: [String]) -> Never {
        var rest = arguments[...]
        var database: String?, port = 8080, host = "127.0.0.1", title: String?, limits = RoomLimits()
        func value(_ flag: String) -> String {
            guard let value = rest.popFirst() else { fail("charrette serve: \(flag) needs a value\n\n\(usage)", status: 2) }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h": print(usage); exit(0)
            case "--port":
                guard let number = Int(value("--port")), (0...65535).contains(number) else { fail("charrette serve: --port takes 0 to 65535", status: 2) }
                port = number
            case "--host": host = value("--host")
            case "--consultation": title = value("--consultation")
            case "--attempts-per-minute":
                guard let number = Int(value("--attempts-per-minute")), number > 0 else {
                    fail("charrette serve: --attempts-per-minute takes a whole number above 0", status: 2)
                }
                (limits.attemptBurst, limits.attemptsPerSecond) = (number, Double(number) / 60)
            default:
                guard !argument.hasPrefix("-"), database == nil else { fail("charrette serve: unexpected '\(argument)'\n\n\(usage)", status: 2) }
                database = argument
            }
        }
        guard let database else { fail("charrette serve: which workspace? give its file\n\n\(usage)", status: 2) }
        let workspace: Workspace
        do {
            workspace = try Workspace(storage: SQLiteStorage(path: database))
        } catch {
            fail("charrette serve: cannot open the workspace '\(database)': \(error)", status: 1)
        }
        let state = workspace.state
        let open = state.consultations.values.filter { $0.phase != .closed }.sorted { $0.id < $1.id }
        let chosen = title.map { title in state.consultations.values.first { $0.title.caseInsensitiveCompare(title) == .orderedSame } } ?? open.last
        guard let consultation = chosen else {
            fail(title.map { "charrette serve: no consultation is called '\($0)'" } ?? "charrette serve: the workspace has no consultation to serve", status: 1)
        }
        let room = Room(workspace: workspace, consultation: consultation.id, limits: limits)
        let (servedHost, servedPort) = (host, port)
        do {
            try RoomExecutor.wait {
                try await room.serve(host: servedHost, port: servedPort) { address in
                    Output.print("serving '\(consultation.title)' at \(address) (the wall: \(address)/wall); stop with Ctrl-C or SIGTERM")
                }
            }
        } catch {
            fail("charrette serve: \(error)", status: 1)
        }
        do {
            try workspace.close()
        } catch {
            fail("charrette serve: the workspace could not be closed cleanly: \(error)", status: 1)
        }
        Output.print("stopped; the workspace is closed")
        exit(0)
    }
}

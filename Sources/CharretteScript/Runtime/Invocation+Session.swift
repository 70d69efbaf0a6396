import Charrette
import CharretteSession

extension Invocation {
    /// Asks the library's session logic (`CharretteSession`) about the workspace as it stands;
    /// what it cannot give becomes an error at the command, or at the value of `--flag` when the
    /// question was about it, keeping the library's error.
    func ask<T>(flag: String? = nil, _ question: (WorkspaceState) throws(SessionError) -> T) throws -> T {
        do {
            return try question(interpreter.workspace.state)
        } catch {
            throw flag.map { flagError($0, error.description, underlying: error) } ?? self.error(error.description, underlying: error)
        }
    }
}

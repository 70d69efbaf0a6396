import Charrette
import GRDB

/// Writes the query tables' rows for the changes of one transaction.
struct ProjectionWriter {
    let db: Database

    func write(_ changes: [ProjectionChange]) throws {
        for change in changes {
            for row in try ProjectionRows.rows(for: change) {
                switch row {
                case .replace(let table, let values): try db.run(table.replaceSQL, values)
                case .delete(let table, let key): try db.run(table.deleteSQL(matching: key.count), key)
                }
            }
        }
    }
}

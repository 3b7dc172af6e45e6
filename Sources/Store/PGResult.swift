import CLibPQ

/// The outcome of one statement: its rows (text format) and the affected-row count.
public struct PGResult: Sendable {
    /// Rows returned (empty for commands without `RETURNING`).
    public let rows: [PGRow]
    /// Rows inserted/updated/deleted/selected, from the command tag (`PQcmdTuples`); 0 when none.
    public let affectedRows: Int
    /// The command tag, e.g. `INSERT 0 1`, `UPDATE 3`, `COMMIT`, `ROLLBACK`.
    public let commandTag: String

    /// Copies everything out of a successful libpq result (the caller still clears it).
    init(copying res: OpaquePointer) {
        let fieldCount = Int(PQnfields(res))
        let names = (0..<fieldCount).map { String(cString: PQfname(res, Int32($0))) }
        let columns = PGColumns(names: names)
        let rowCount = Int(PQntuples(res))
        var rows: [PGRow] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(fieldCount)
            for c in 0..<fieldCount {
                let row = Int32(r), col = Int32(c)
                if PQgetisnull(res, row, col) != 0 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(res, row, col))
                    let bytes = UnsafeRawPointer(PQgetvalue(res, row, col)!)
                    values.append(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length),
                                         as: UTF8.self))
                }
            }
            rows.append(PGRow(columns: columns, values: values))
        }
        self.rows = rows
        self.affectedRows = Int(String(cString: PQcmdTuples(res))) ?? 0
        self.commandTag = String(cString: PQcmdStatus(res))
    }
}

/// Column names of a result, shared by its rows.
struct PGColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        self.index = index
    }
}

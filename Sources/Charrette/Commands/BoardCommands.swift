extension Transaction {
    /// Creates a board, such as a youth shadow board that `shadows` the board it mirrors.
    @discardableResult
    public mutating func createBoard(name: String, title: String? = nil, shadows: String? = nil) throws -> Board {
        try requireFacilitator(to: "create boards")
        let name = try Self.checkedName(name, kind: "board name")
        guard state.board(named: name) == nil else { throw CharretteError.boardNameTaken(name) }
        var shadowed: Board.ID?
        if let shadows {
            guard Self.normalizedName(shadows) != name else { throw CharretteError.boardShadowsItself(name) }
            shadowed = try board(named: shadows).id
        }
        let title = try title.map { try Self.checkedText($0, kind: "board title") }
        let board = Board(id: state.nextBoard, name: name, title: title, shadows: shadowed)
        try record(.boardCreated(board))
        return board
    }
}

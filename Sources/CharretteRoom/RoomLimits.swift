/// How much the room takes from one device or one person before it asks them to wait.
public struct RoomLimits: Sendable {
    /// Attempts from one address in a row, then how many a second after that: at a code (a link,
    /// a rejoin code, the room code; a success is not counted), walking in, and checking a receipt.
    public var attemptBurst: Int, attemptsPerSecond: Double
    /// Actions of one participant at once, then how many a second after that.
    public var actionBurst: Int, actionsPerSecond: Double
    /// Seconds a connection may sit idle, or take to send its request, before it is closed.
    public var idleSeconds: Int

    /// Limits of `attemptBurst` attempts per address then `attemptsPerSecond`, and `actionBurst`
    /// actions per participant then `actionsPerSecond`, and connections closed after `idleSeconds`
    /// without a byte.
    public init(
        attemptBurst: Int = 20, attemptsPerSecond: Double = 1.0 / 3, actionBurst: Int = 30, actionsPerSecond: Double = 10, idleSeconds: Int = 30
    ) {
        self.idleSeconds = idleSeconds
        self.attemptBurst = attemptBurst
        self.attemptsPerSecond = attemptsPerSecond
        self.actionBurst = actionBurst
        self.actionsPerSecond = actionsPerSecond
    }
}

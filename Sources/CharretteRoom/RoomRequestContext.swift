import Hummingbird
import NIOCore

/// A request's context in the room: Hummingbird's, plus the address it came from, so that limits
/// on guessing codes apply per device.
public struct RoomRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's own part of the context.
    public var coreContext: CoreRequestContextStorage
    /// The peer's address; `nil` without a socket (the router under test).
    public let remoteAddress: SocketAddress?

    /// The context of a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address, or `local` when there is no socket.
    var client: String { remoteAddress?.ipAddress ?? "local" }
}

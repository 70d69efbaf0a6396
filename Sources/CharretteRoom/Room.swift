import Charrette
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The live room: an HTTP server on a workspace, where participants join from their phones and a
/// wall shows the consultation as it grows. Every action goes through the workspace with the
/// participant as its actor, so the journal and the rules are the shell's.
///
/// ```swift
/// let room = Room(workspace: workspace, consultation: consultation)
/// let address = try await room.start(host: "127.0.0.1", port: 8080)
/// // ... the session ...
/// await room.close()
/// ```
public final class Room: Sendable {
    /// What the room has seen since it opened.
    public struct Status: Sendable, Equatable {
        /// People who joined (each once, however many devices).
        public let participantsJoined: Int
        /// Open event streams (walls, and later participants' live pages).
        public let openStreams: Int
        /// Actions accepted and journaled.
        public let actionsAccepted: Int
    }

    /// The workspace every action goes through.
    public let workspace: Workspace
    /// The consultation the room serves.
    public let consultation: Consultation.ID
    let service: RoomService
    private let limits: RoomLimits
    private let server = Mutex<(group: ServiceGroup, task: Task<Void, Never>)?>(nil)
    private let feed: Task<Void, Never>, ticker: Task<Void, Never>
    private let address = Mutex<String?>(nil)

    /// A room for `consultation`, taking from each device and person what `limits` allow; the
    /// wall follows the workspace's changes from now on.
    public init(workspace: Workspace, consultation: Consultation.ID, limits: RoomLimits = RoomLimits()) {
        self.workspace = workspace
        self.consultation = consultation
        self.limits = limits
        let service = RoomService(workspace: workspace, consultation: consultation, limits: limits)
        self.service = service
        // Listening starts here, not when the task first runs, so no change in between is missed.
        let changes = workspace.changes(checkingEvery: .milliseconds(250))
        feed = Task(executorPreference: RoomExecutor.shared) {
            for await change in changes {
                service.wall.publish(change.state)
                service.arrivals.note(change)
            }
        }
        // Walls go out at most five times a second, however many actions arrive; the shell hears
        // the votes counted together every five seconds; every stream hears a heartbeat each 15 s.
        ticker = Task(executorPreference: RoomExecutor.shared) { [wall = service.wall, arrivals = service.arrivals, workspace] in
            var ticks = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(200))
                wall.pushIfChanged()
                ticks += 1
                if ticks % 25 == 0 { arrivals.summarise(in: workspace.state) }
                if ticks % 75 == 0 { wall.beat() }
            }
        }
    }

    deinit {
        feed.cancel()
        ticker.cancel()
    }

    /// What the facilitator puts before the room: the step under way, the results revealed,
    /// whether newcomers may walk in.
    public var stage: RoomStage { service.wall.stage }

    /// Changes what the room shows: the walls follow at once; an open participant page says the
    /// room moved on and links to the page as it is now. `change` may read ``stage``.
    public func changeStage(_ change: (inout RoomStage) -> Void) { service.wall.changeStage(change) }

    /// Why the stage is not kept beside the journal for a restart (the store refused the write, or
    /// the stage kept earlier could not be read), or `nil` when it is. The room opened on a
    /// workspace starts from the stage kept there, less a step whose time is up.
    public var stageProblem: String? { service.stageKeeper.problem }

    /// What participants do, as lines for the facilitator's shell while the room runs: each
    /// arrival and idea at once, ballots, reactions and card sorts counted together every five
    /// seconds. The lines are plain text, safe to print on a terminal.
    public func arrivals() -> AsyncStream<String> { service.arrivals.subscribe() }

    /// The address people join at while the server runs (`http://192.168.1.20:8080`).
    public var joinAddress: String? { address.withLock { $0 } }

    /// Who joined, open streams and actions taken since the room opened.
    public var status: Status {
        Status(
            participantsJoined: service.sessions.participantsJoined, openStreams: service.wall.streams,
            actionsAccepted: service.accepted.load(ordering: .relaxed))
    }

    /// The link that lets the holder of `secret` in.
    public func invitationLink(secret: String, base: String? = nil) -> String? {
        guard let base = base ?? joinAddress else { return nil }
        return base + "/join/" + secret
    }

    /// The routes, for `start` and for tests through HummingbirdTesting.
    public func router() -> Router<RoomRequestContext> {
        let service = service
        let router = Router(context: RoomRequestContext.self)
        router.get("/") { request, _ in service.participantPage(request) }
        router.get("/join") { request, _ in service.joinPage(request) }
        router.post("/join") { request, context in
            var request = request
            return await service.walkIn(&request, from: context.client)
        }
        router.post("/rejoin") { request, context in
            var request = request
            return await service.rejoin(&request, from: context.client)
        }
        router.get("/join/:secret") { request, context in
            service.join(request, secret: context.parameters.get("secret") ?? "", from: context.client)
        }
        router.post("/join/:secret") { request, context in
            var request = request
            return await service.confirmJoin(&request, secret: context.parameters.get("secret") ?? "", from: context.client)
        }
        router.get("/receipt/:hash") { request, context in service.receiptPage(request, hash: context.parameters.get("hash") ?? "", from: context.client) }
        router.post("/ideas") { request, _ in
            var request = request
            return await service.submitIdea(&request)
        }
        router.post("/ideas/:id/withdraw") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return service.participantPage(request, status: .notFound) }
            return await service.withdrawIdea(&request, idea: Idea.ID(id))
        }
        router.post("/sort") { request, _ in
            var request = request
            return await service.submitCardSort(&request)
        }
        router.post("/votes/:id/react") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return service.participantPage(request, status: .notFound) }
            return await service.react(&request, vote: Vote.ID(id))
        }
        router.post("/votes/:id/ballot") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return service.participantPage(request, status: .notFound) }
            return await service.castBallot(&request, vote: Vote.ID(id))
        }
        router.get("/wall") { request, _ in service.wallPage(request) }
        router.get("/wall/events") { request, _ in service.wallEvents(request) }
        Self.addAPI(to: router, service)
        router.get("/room.css") { _, _ in RoomResponses.text(RoomAssets.css, type: "text/css; charset=utf-8") }
        router.get("/wall.js") { _, _ in RoomResponses.text(RoomAssets.wallScript, type: "text/javascript; charset=utf-8") }
        router.get("/page.js") { _, _ in RoomResponses.text(RoomAssets.pageScript, type: "text/javascript; charset=utf-8") }
        return router
    }

    /// The JSON API's routes (`docs/api/openapi.yaml`).
    private static func addAPI(to router: Router<RoomRequestContext>, _ service: RoomService) {
        let api = router.group("api")
        let notFound = RoomService.problem("there is nothing at that address", .notFound)
        api.post("sessions") { request, context in
            var request = request
            return await service.apiOpenSession(&request, from: context.client)
        }
        api.post("walk-ins") { request, context in
            var request = request
            return await service.apiWalkIn(&request, from: context.client)
        }
        api.get("me") { request, _ in service.apiMe(request) }
        api.post("ideas") { request, _ in
            var request = request
            return await service.apiSubmitIdea(&request)
        }
        api.post("ideas/:id/withdraw") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return notFound }
            return await service.apiWithdrawIdea(&request, idea: Idea.ID(id))
        }
        api.post("votes/:id/reactions") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return notFound }
            return await service.apiReact(&request, vote: Vote.ID(id))
        }
        api.post("votes/:id/ballot") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return notFound }
            return await service.apiCastBallot(&request, vote: Vote.ID(id))
        }
        api.post("sort") { request, _ in
            var request = request
            return await service.apiSubmitCardSort(&request)
        }
        api.get("receipts/:hash") { request, context in
            service.apiReceipt(request, hash: context.parameters.get("hash") ?? "", from: context.client)
        }
        api.get("wall") { _, _ in RoomService.json(WallFeed.wall(of: service.consultation, in: service.workspace.state, stage: service.wall.stage)) }
        // The facilitator's calls (RoomFacilitatorAPI.swift).
        api.get("held") { request, _ in service.apiHeldIdeas(request) }
        api.post("ideas/:id/approve") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return notFound }
            return await service.apiApproveIdea(&request, idea: Idea.ID(id))
        }
        api.post("ideas/:id/hide") { request, context in
            var request = request
            guard let id = context.parameters.get("id", as: Int.self) else { return notFound }
            return await service.apiHideIdea(&request, idea: Idea.ID(id))
        }
        for (path, shown) in [("votes/:id/reveal", true), ("votes/:id/conceal", false)] {
            api.post(RouterPath(stringLiteral: path)) { request, context in
                guard let id = context.parameters.get("id", as: Int.self) else { return notFound }
                return service.apiShowResults(request, vote: Vote.ID(id), shown: shown)
            }
        }
        api.put("step") { request, _ in
            var request = request
            return await service.apiSetStep(&request)
        }
        api.delete("step") { request, _ in service.apiEndStep(request) }
    }

    /// Serves the room on `host` (loopback by default; `0.0.0.0` for the local network) and `port`
    /// (0 for any free one) and returns the address people join at.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> String {
        guard server.withLock({ $0 == nil }) else { throw RoomError.alreadyOpen(joinAddress ?? "") }
        let (bound, reportBound) = AsyncStream<String>.makeStream()
        let application = application(host: host, port: port) { address in
            reportBound.yield(address)
            reportBound.finish()
        }
        let failure = Mutex<(any Error)?>(nil)
        // A group of its own, so that closing the room is a graceful shutdown the shell asks for.
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: application.logger))
        let task = Task(executorPreference: RoomExecutor.shared) {
            do { try await group.run() } catch { failure.withLock { $0 = error } }
            reportBound.finish()
        }
        guard let joinAddress = await bound.first(where: { _ in true }) else {
            throw RoomError.cannotServe(host: host, port: port, reason: failure.withLock { $0.map { "\($0)" } } ?? "the server stopped")
        }
        server.withLock { $0 = (group, task) }
        return joinAddress
    }

    /// The server of the room's routes on `host` and `port`; once the port is bound, the join
    /// address is known to the room and handed to `onBound`.
    private func application(
        host: String, port: Int, onBound: @escaping @Sendable (String) -> Void
    ) -> Application<RouterResponder<RoomRequestContext>> {
        var logger = Logger(label: "charrette.room")
        logger.logLevel = .warning
        return Application(
            router: router(),
            // A connection idle (or sending its request too slowly) that long is closed; an open
            // event stream is a response under way and stays.
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(limits.idleSeconds)))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Charrette"),
            onServerRunning: { [self] channel in
                // Served on every interface, people join at the machine's address on the network.
                let shown = host == "0.0.0.0" ? LocalAddress.firstIPv4() ?? host : host
                let joinAddress = "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(channel.localAddress?.port ?? port)"
                address.withLock { $0 = joinAddress }
                service.joinAddress.withLock { $0 = joinAddress }
                onBound(joinAddress)
            }, logger: logger)
    }

    /// Stops serving: open streams end, the workspace stays open.
    public func close() async {
        guard
            let (group, task) = server.withLock({ server in
                defer { server = nil }; return server
            })
        else { return }
        service.wall.finish()
        service.arrivals.finish()
        await group.triggerGracefulShutdown()
        await task.value
        address.withLock { $0 = nil }
    }

    /// Serves until the process gets SIGTERM or SIGINT (`charrette serve`), then stops taking
    /// requests, lets those under way finish and returns; `onStart` gets the join address once
    /// the port is bound.
    public func serve(host: String = "127.0.0.1", port: Int, onStart: @escaping @Sendable (String) -> Void) async throws {
        let application = application(host: host, port: port, onBound: onStart)
        // Open streams end first, so that the graceful shutdown does not wait for them.
        let streams = StreamsEnder(wall: service.wall)
        let group = ServiceGroup(
            configuration: .init(services: [application, streams], gracefulShutdownSignals: [.sigterm, .sigint], logger: application.logger))
        try await group.run()
        address.withLock { $0 = nil }
    }
}

/// Ends the wall's streams when a graceful shutdown begins.
private struct StreamsEnder: Service {
    let wall: WallFeed

    func run() async throws {
        try? await gracefulShutdown()
        wall.finish()
    }
}

/// Why the room could not do what it was asked.
public enum RoomError: Error, CustomStringConvertible, Equatable {
    case alreadyOpen(String)
    case cannotServe(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .alreadyOpen(let address): "the room is already open at \(address); 'room close' first"
        case .cannotServe(let host, let port, let reason): "cannot serve on \(host):\(port): \(reason)"
        }
    }
}

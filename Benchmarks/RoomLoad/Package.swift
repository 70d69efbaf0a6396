// swift-tools-version: 6.0
// The load client of scripts/bench-room: a package of its own, so that the project's build and CI
// never compile async-http-client.
import PackageDescription

let package = Package(
    name: "RoomLoad",
    dependencies: [.package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0")],
    targets: [
        .executableTarget(
            name: "room-load", dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: [.swiftLanguageMode(.v5)])
    ]
)

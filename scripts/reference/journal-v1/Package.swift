// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Charrette",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "CharretteVoting"),
        .target(name: "CharretteNumerics"),
        .target(name: "CharretteThemes", dependencies: ["CharretteNumerics"]),
        .target(name: "Charrette", dependencies: ["CharretteVoting", "CharretteThemes", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "V1Writer", dependencies: ["Charrette"], path: "Tests/V1Writer"),
    ]
)

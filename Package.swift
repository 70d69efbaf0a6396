// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Charrette",
    // Mutex and Atomic (Synchronization) need these on Apple platforms; Linux needs nothing.
    platforms: [.macOS(.v15), .iOS(.v18), .visionOS(.v2)],
    products: [
        .library(name: "Charrette", targets: ["Charrette"]),
        .library(name: "CharretteSQLite", targets: ["CharretteSQLite"]),
        .library(name: "CharretteSession", targets: ["CharretteSession"]),
        .library(name: "CharretteScript", targets: ["CharretteScript"]),
        .library(name: "CharretteVoting", targets: ["CharretteVoting"]),
        .library(name: "CharretteSupport", targets: ["CharretteSupport"]),
        .library(name: "CharretteThemes", targets: ["CharretteThemes"]),
        .library(name: "CharretteOpinions", targets: ["CharretteOpinions"]),
        .library(name: "CharretteReports", targets: ["CharretteReports"]),
        .library(name: "CharretteRoom", targets: ["CharretteRoom"]),
        .executable(name: "charrette", targets: ["charrette"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `swift package generate-documentation`: the DocC catalogs, built by scripts/test.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The live room's HTTP server.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Voting methods, their working and ballot files. No dependencies, so any app can count.
        .target(name: "CharretteVoting", dependencies: ["CharretteSupport"]),
        // Small dense linear algebra the counting modules share. No dependencies.
        .target(name: "CharretteNumerics"),
        // What several modules share and nothing else: no dependencies (see docs/architecture.md).
        .target(name: "CharretteSupport"),
        // Themes: the text pipeline, clustering and the group's card sorts.
        .target(name: "CharretteThemes", dependencies: ["CharretteNumerics", "CharretteSupport"]),
        // Opinion maps: the Pol.is pipeline over agree/disagree/pass reactions, and Pol.is files.
        .target(name: "CharretteOpinions", dependencies: ["CharretteNumerics", "CharretteSupport"]),
        // The domain: model, journal, invariants. Foundation, swift-crypto and the voting module.
        .target(
            name: "Charrette",
            dependencies: ["CharretteVoting", "CharretteSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // What a session asks of its data: counts, opinion maps, the next statement, proposed
        // themes, the vote meant. The shell, the report and apps are adapters over it.
        .target(name: "CharretteSession", dependencies: ["Charrette", "CharretteVoting", "CharretteThemes", "CharretteOpinions", "CharretteSupport"]),
        // The embedded default store: the journal and plain query tables in one SQLite file.
        .target(
            name: "CharretteSQLite",
            dependencies: [
                "Charrette",
                "CharretteVoting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Outcome reports: the figures of a consultation, charts as SVG, HTML and Markdown through
        // Mustache templates users can replace.
        .target(
            name: "CharretteReports",
            dependencies: [
                "Charrette", "CharretteSession", "CharretteSupport", "CharretteVoting", "CharretteOpinions",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // QR codes for join links (Debian: libqrencode-dev).
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // The live room: participants' pages, the wall and its event stream, over Hummingbird.
        .target(
            name: "CharretteRoom",
            dependencies: [
                "Charrette", "CharretteSession", "CharretteSupport", "CharretteVoting", "CQREncode",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Catalogue")]),
        // The command language: lexer, parser, evaluator and the command set. No terminal code.
        .target(
            name: "CharretteScript",
            dependencies: [
                "Charrette", "CharretteSession", "CharretteVoting", "CharretteThemes", "CharretteOpinions", "CharretteReports", "CharretteRoom",
                "CharretteSupport",
            ]),
        // libedit, for line editing, history and completion (Debian: libedit-dev).
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The shell: a thin front end over CharretteScript.
        .executableTarget(name: "charrette", dependencies: ["Charrette", "CharretteSQLite", "CharretteScript", "CharretteRoom", "CEditLine"]),
        // The main job for now: a small consultation driven through the library.
        .executableTarget(
            name: "first-session",
            dependencies: ["Charrette", "CharretteSQLite"],
            path: "examples/FirstSession"
        ),
        // Measures the store against a bare GRDB insert loop (scripts/bench-store runs it).
        .executableTarget(
            name: "bench-store",
            dependencies: ["Charrette", "CharretteSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/StoreBenchmark"
        ),
        // Times a change's way from one process to an observer in another (scripts/bench-observation).
        .executableTarget(name: "bench-observation", dependencies: ["Charrette", "CharretteSQLite"], path: "Benchmarks/ObservationBenchmark"),
        // Times counting ballot files against pref_voting and pabutools (scripts/bench-voting runs it).
        .executableTarget(name: "bench-voting", dependencies: ["CharretteVoting"], path: "Benchmarks/VotingBenchmark"),
        // A writer process the crash test kills at random points.
        .executableTarget(
            name: "journal-writer",
            dependencies: ["Charrette", "CharretteSQLite"],
            path: "Tests/JournalWriter"
        ),
        .testTarget(
            name: "CharretteTests", dependencies: ["Charrette", "CharretteSession", "CharretteThemes", "CharretteVoting", "CharretteSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "CharretteSupportTests", dependencies: ["CharretteSupport"]),
        .testTarget(name: "CharretteThemesTests", dependencies: ["CharretteThemes", "CharretteNumerics", "CharretteSupport"], exclude: ["Vectors"]),
        .testTarget(name: "CharretteReportsTests", dependencies: ["Charrette", "CharretteReports"]),
        .testTarget(name: "CharretteOpinionsTests", dependencies: ["CharretteOpinions", "CharretteNumerics"], exclude: ["Vectors"]),
        // Times the opinion map against red-dwarf (scripts/bench-opinions runs it).
        .executableTarget(name: "bench-opinions", dependencies: ["CharretteOpinions"], path: "Benchmarks/OpinionsBenchmark"),
        .testTarget(
            name: "CharretteVotingTests",
            dependencies: ["CharretteVoting", "CharretteSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Vectors"]
        ),
        .testTarget(
            name: "CharretteScriptTests", dependencies: ["Charrette", "CharretteRoom", "CharretteScript", "CharretteSession", "CharretteSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "CharretteRoomTests",
            dependencies: ["Charrette", "CharretteRoom", "CharretteSession", .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(
            name: "CharretteSQLiteTests",
            dependencies: ["Charrette", "CharretteSQLite", "journal-writer"]
        ),
    ]
)

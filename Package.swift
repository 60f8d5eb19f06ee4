// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "QuoteKit",
    products: [
        .library(name: "QuoteKit", targets: ["QuoteKit"]),
        .executable(name: "quotekit", targets: ["quotekit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Tests only: reads the CSV export back with an independent CSV parser.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // ICU behind a small C target whose public header names no ICU type: the only layout
        // that builds next to Foundation (which carries its own private ICU) on a clean build.
        .target(
            name: "CQuoteICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // Turns Rules/**/*.yaml into Swift string literals so that the binary carries its rules.
        .plugin(name: "EmbedRules", capability: .buildTool()),
        .target(
            name: "QuoteKit",
            dependencies: ["CQuoteICU", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "quotekit",
            dependencies: ["QuoteKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // libFuzzer targets; .ci/fuzz builds and runs them (a plain build makes a stub).
        .executableTarget(
            name: "QuoteKitFuzz",
            dependencies: ["QuoteKit"]
        ),
        .testTarget(
            name: "QuoteKitTests",
            dependencies: ["QuoteKit", .product(name: "SwiftCSV", package: "SwiftCSV")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "QuoteKitCLITests",
            dependencies: ["quotekit"]
        ),
    ]
)

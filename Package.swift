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
    ],
    targets: [
        // ICU behind a small C target whose public header names no ICU type: the only layout
        // that builds next to Foundation (which carries its own private ICU) on a clean build.
        .target(
            name: "CQuoteICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Turns Rules/**/*.yaml into Swift string literals so that the binary carries its rules.
        .executableTarget(name: "EmbedRulesTool", path: "Sources/EmbedRulesTool"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["EmbedRulesTool"]
        ),
        .target(
            name: "QuoteKit",
            dependencies: ["CQuoteICU", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "quotekit",
            dependencies: ["QuoteKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "QuoteKitTests",
            dependencies: ["QuoteKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "QuoteKitCLITests",
            dependencies: ["quotekit"]
        ),
    ]
)

import Foundation
import PackagePlugin

/// Embeds the package's `Rules/` folder into the QuoteKit library, so that the `quotekit`
/// binary carries its default rules and works from any directory.
///
/// Every rule file is an input of the command, so editing one re-embeds the rules on the next
/// build. SwiftPM fixes a plugin's input list when it plans the build, so after adding, renaming
/// or deleting a rule file, `touch Package.swift` to make it plan again.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesRoot = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedRules/embed-rules.sh")
        var inputs: [URL] = [script]
        if let walker = FileManager.default.enumerator(at: rulesRoot, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count - 1) rule files",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, rulesRoot.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            ),
        ]
    }
}

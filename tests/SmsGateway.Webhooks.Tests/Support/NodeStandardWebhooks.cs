using SmsGateway.Testing;

namespace SmsGateway.Webhooks.Tests.Support;

/// <summary>
/// The npm <c>standardwebhooks</c> package (an independent implementation of the specification) run by node: it
/// verifies a request as a receiver written in JavaScript would. Installed by .ci/run under
/// <c>$SMSGW_TOOLS/standardwebhooks-1.1.1</c> (default <c>~/.cache/smsgateway</c>).
/// </summary>
internal static class NodeStandardWebhooks
{
    public const string Version = "1.1.1";

    private const string Script = """
        const { Webhook } = require(process.argv[2]);
        const fs = require("fs");
        const [secret, headers, body] = [process.argv[3], JSON.parse(fs.readFileSync(process.argv[4], "utf8")), fs.readFileSync(process.argv[5], "utf8")];
        try {
          const payload = new Webhook(secret).verify(body, headers);
          console.log("verified " + payload.type);
        } catch (e) {
          console.log("refused: " + e.message);
          process.exit(3);
        }
        """;

    /// <summary>Runs the package's <c>verify</c> on the request; its output is "verified {type}" or "refused: {why}".</summary>
    public static async Task<(int ExitCode, string Output)> VerifyAsync(string secret, IReadOnlyDictionary<string, string> headers, string body)
    {
        var node = ExternalTool.Find("node") ?? throw new InvalidOperationException("node is not on PATH (the CI image has Node 20).");
        var package = PackageDirectory();
        using var folder = new TempDirectory();
        var script = folder.File("verify.js");
        var headerFile = folder.File("headers.json");
        var bodyFile = folder.File("body.json");
        await File.WriteAllTextAsync(script, Script);
        await File.WriteAllTextAsync(headerFile, System.Text.Json.JsonSerializer.Serialize(headers));
        await File.WriteAllTextAsync(bodyFile, body);
        return await ExternalTool.RunAsync(node, [script, package, secret, headerFile, bodyFile], TimeSpan.FromSeconds(30));
    }

    private static string PackageDirectory()
    {
        var tools = Environment.GetEnvironmentVariable("SMSGW_TOOLS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "smsgateway");
        var package = Path.Combine(tools, "standardwebhooks-" + Version, "node_modules", "standardwebhooks");
        return Directory.Exists(package)
            ? package
            : throw new InvalidOperationException(
                $"The npm package standardwebhooks {Version} is not at {package}; install it with "
                + $"'npm install --prefix {Path.GetDirectoryName(Path.GetDirectoryName(package))} standardwebhooks@{Version}' (.ci/run does).");
    }
}

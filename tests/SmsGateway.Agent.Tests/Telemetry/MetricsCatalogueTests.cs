using System.Text.RegularExpressions;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Telemetry;

/// <summary>docs/METRICS.md lists exactly what <c>/metrics</c> serves: every served series is documented with its type, and the series documented as there "at start" are served by a fresh agent, at 0 where they count.</summary>
public sealed partial class MetricsCatalogueTests
{
    [Fact]
    public async Task AFreshAgent_ServesEveryDocumentedStartSeries_AndNothingUndocumented()
    {
        var documented = Documented();

        // Its own process: in this one, other tests' gateways count on meters of the same name.
        using var folder = new TempDirectory();
        await using var agent = AgentProcess.Start([$"--Storage:Path={folder.File("data")}", "--Logging:LogLevel:Default=Warning"]);
        await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var anonymous = new HttpClient { BaseAddress = agent.BaseAddress };
        var atStart = documented.Where(d => d.Value.AtStart).Select(d => d.Key).ToList();

        // The queue gauges appear with the first count, just after start.
        var served = new Dictionary<string, string>();
        var text = string.Empty;
        await Eventually.WaitUntilAsync(
            async () =>
            {
                text = await anonymous.GetStringAsync("/metrics");
                served = Served(text);
                return atStart.All(served.ContainsKey);
            },
            TimeSpan.FromSeconds(15),
            "every series documented as there at start");

        foreach (var (name, type) in served)
        {
            Assert.True(documented.TryGetValue(name, out var row), $"{name} is served but not listed in docs/METRICS.md");
            Assert.Equal(row.Type, type);
        }

        foreach (var counter in atStart.Where(name => documented[name].Type == "counter"))
        {
            Assert.Matches(new Regex($"^{counter}\\{{.*\\}} 0$", RegexOptions.Multiline), text);
        }
    }

    // "| `name` | type | labels | at start | meaning |" rows of the table.
    private static Dictionary<string, (string Type, bool AtStart)> Documented() =>
        RepositoryFiles.ReadAllText("docs", "METRICS.md").Split('\n')
            .Select(line => Row().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["name"].Value, match => (match.Groups["type"].Value, match.Groups["start"].Value.Trim() == "yes"));

    private static Dictionary<string, string> Served(string exposition) =>
        TypeLine().Matches(exposition).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["type"].Value);

    [GeneratedRegex(@"^\| `(?<name>smsgateway_\w+)` \| (?<type>\w+) \|[^|]*\| (?<start>[^|]+) \|")]
    private static partial Regex Row();

    [GeneratedRegex(@"^# TYPE (?<name>smsgateway_\w+) (?<type>\w+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}

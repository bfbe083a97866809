using System.Reflection;
using System.Text.Json;
using SmsGateway.Testing;

namespace SmsGateway.Functions.Tests.Hosting;

/// <summary>
/// The Functions host finds functions through the <c>functions.metadata</c> the Worker SDK writes at build; the
/// host cannot run here, so this reads the built file and checks it lists what the deployment relies on.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { "SendMessage", "messages", "post", "Function" },
        { "GetMessage", "messages/{id}", "get", "Function" },
        { "TelegramWebhook", "telegram/webhook", "post", "Anonymous" },
        { "AgentEvents", "agent/events", "post", "Anonymous" },
        { "Health", "health", "get", "Anonymous" },
    };

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Metadata_ListsHttpFunction_WithRouteMethodAndAuthLevel(string name, string route, string method, string authLevel)
    {
        var trigger = Trigger(name);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    public static TheoryData<string, string> TimerFunctions => new()
    {
        { "Watchdog", "0 */5 * * * *" },
        { "TelegramOutbox", "*/30 * * * * *" },
        { "Housekeeping", "0 17 3 * * *" },
    };

    [Theory]
    [MemberData(nameof(TimerFunctions))]
    public void Metadata_ListsTimerFunction_WithItsSchedule(string name, string schedule)
    {
        var trigger = Trigger(name);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_ListsExactlyTheEightFunctions()
    {
        var names = Functions().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(["AgentEvents", "GetMessage", "Health", "Housekeeping", "SendMessage", "TelegramOutbox", "TelegramWebhook", "Watchdog"], names);
    }

    private static JsonElement Trigger(string name) =>
        Functions().Single(f => f.GetProperty("name").GetString() == name)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static List<JsonElement> Functions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath()));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    // The functions project's own output (built as a reference of this project), same configuration as this build.
    private static string MetadataPath()
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = RepositoryFiles.PathOf("functions", "SmsGateway.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing; build functions/SmsGateway.Functions first.");
        return path;
    }
}

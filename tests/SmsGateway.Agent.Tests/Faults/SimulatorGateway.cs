using SmsGateway.Agent.Tests.Support;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// The gateway with its real modem stack — AT driver and the built-in simulator — and an air log:
/// the ground truth of what left the modem, against which the fault tests count lost and duplicated SMS.
/// </summary>
public sealed class SimulatorGateway : IAsyncDisposable
{
    private SimulatorGateway(GatewayInstance gateway, string airLog)
    {
        Gateway = gateway;
        AirLogPath = airLog;
    }

    public GatewayInstance Gateway { get; }

    public string AirLogPath { get; }

    public SimulatedModem Simulator => Gateway.Services.GetRequiredService<SimulatedModem>();

    public static async Task<SimulatorGateway> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? customize = null)
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-fault-").FullName;
        var airLog = Path.Combine(folder, "air.jsonl");
        var all = new Dictionary<string, string?>
        {
            ["Modem:Simulator:SendDelayMs"] = "5",
            ["Modem:Simulator:DeliveryReportDelayMs"] = "20",
            ["Modem:Simulator:AirLog"] = airLog,
            ["Outbound:CircuitBreakDuration"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var gateway = await GatewayInstance.StartAsync(settings: all, dataPath: Path.Combine(folder, "data"), customize: customize);
        await gateway.WaitForHealthyAsync();
        return new SimulatorGateway(gateway, airLog);
    }

    /// <summary>How often each text was transmitted (first part of each SMS counts).</summary>
    public IReadOnlyDictionary<string, int> TransmissionsByText() =>
        AirLog.Read(AirLogPath).Where(e => e.Part == 1).GroupBy(e => e.Text).ToDictionary(g => g.Key, g => g.Count());

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}

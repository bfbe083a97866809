using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>Fault scenario 7: a minute of intake at several times the modem's rate.</summary>
public sealed class OverloadFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IntakeAtFiveTimesTheModemRate_Answers503WithRetryAfter_MemoryStaysFlat_EveryAcceptedMessageIsSent()
    {
        await using var gateway = await SimulatorGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Modem:Simulator:SendDelayMs"] = "100",
            ["Modem:Simulator:DeliveryReports"] = "None",
            ["Storage:QueueCapacity"] = "100",
        });
        var accepted = new List<string>();
        int refused = 0, refusedWithoutRetryAfter = 0, other = 0;
        long memoryAfterWarmUp = 0;
        var clock = Stopwatch.StartNew();
        var sequence = 0;

        // About 40 requests a second against a modem that sends fewer than 10.
        while (clock.Elapsed < Duration)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                gateway.Gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = $"load {Interlocked.Increment(ref sequence)}" })));
            foreach (var response in batch)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Accepted:
                        accepted.Add(response.Headers.Location!.OriginalString.Split('/').Last());
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        refused++;
                        refusedWithoutRetryAfter += response.Headers.RetryAfter is null ? 1 : 0;
                        break;
                    default:
                        other++;
                        break;
                }
            }

            if (memoryAfterWarmUp == 0 && clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                memoryAfterWarmUp = WorkingSet();
            }

            await Task.Delay(100);
        }

        var memoryAtEnd = WorkingSet();
        output.WriteLine($"requests {sequence}, accepted {accepted.Count}, 503 {refused}, other {other}; working set {memoryAfterWarmUp / 1_048_576} MB after 10 s, {memoryAtEnd / 1_048_576} MB at 60 s");
        Assert.True(refused > 0, "the queue never filled: the load was not an overload");
        Assert.Equal(0, refusedWithoutRetryAfter);
        Assert.Equal(0, other);

        // Flat: bounded queue, bounded memory; allow for GC timing noise.
        Assert.True(memoryAtEnd - memoryAfterWarmUp < 64 * 1_048_576, $"memory grew from {memoryAfterWarmUp} to {memoryAtEnd}");

        foreach (var id in accepted)
        {
            await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent", TimeSpan.FromSeconds(120));
        }
    }

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

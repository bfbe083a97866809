using SmsGateway.Core.Modem;
using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Modem.Tests.Pty;

/// <summary>The simulator's dialects on a real pseudo-terminal: the driver through System.IO.Ports, as with the device.</summary>
public sealed class DialectsOverPtyTests
{
    private const string To = "+4915112345678";

    [PtyFact]
    public async Task Zte_PromptAmongItsStatusLines_MultipartGoesOut()
    {
        await using var h = await PtyDriverHarness.StartAsync(sim => sim.Dialect = "zte");

        var receipt = await h.Driver.SendAsync(new ModemSendRequest(To, string.Concat(Enumerable.Repeat("ZTE over a pty. ", 12))), CancellationToken.None);

        Assert.Equal(2, receipt.PartReferences.Count);
        Assert.Equal([1, 2], h.AirLog().Select(l => l.GetProperty("part").GetInt32()));
    }

    [PtyFact]
    public async Task Wavecom_CpinWithoutOk_ConnectsAndReceives()
    {
        await using var h = await PtyDriverHarness.StartAsync(sim => sim.Dialect = "wavecom");

        h.Simulator.InjectInbound("+4917612345678", "Hallo Wavecom");

        await h.EventuallyAsync(() => h.Sink.Parts.Any(p => p.Text == "Hallo Wavecom"), "the SMS handed over");
        Assert.Equal("MULTIBAND  900E  1800", h.Driver.Status.Model);
    }
}

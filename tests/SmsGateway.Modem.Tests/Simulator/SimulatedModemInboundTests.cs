using SmsGateway.Modem.Pdu;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Modem.Tests.Simulator;

public sealed class SimulatedModemInboundTests
{
    private const string From = "+4917612345678";

    private static readonly string _longText = string.Concat(Enumerable.Range(0, 40).Select(i => $"part{i:D4}. ")); // 440 septets: 3 parts

    [Fact]
    public async Task InjectInbound_WithCnmi_StoresAndAnnouncesWithCmti()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        await sim.Client.SendAsync("AT+CNMI=2,1,0,0,0");

        var indexes = sim.Modem.InjectInbound(From, "Hi there");

        Assert.Equal([1], indexes);
        await sim.Client.WaitForAsync("\r\n+CMTI: \"SM\",1\r\n");
        var answer = await sim.Client.SendAsync("AT+CMGR=1");
        var lines = answer.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("+CMGR: 0,,", lines[0], StringComparison.Ordinal);
        var deliver = Assert.IsType<DeliverPdu>(PduDecoder.Decode(lines[1]));
        Assert.Equal((From, "Hi there"), (deliver.Sender, deliver.Text));
        Assert.StartsWith("\r\n+CMGR: 1,,", await sim.Client.SendAsync("AT+CMGR=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InjectInbound_WithoutCnmi_StoresSilently()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        sim.Modem.InjectInbound(From, "psst");

        Assert.DoesNotContain("+CMTI", await sim.Client.DrainAsync(TimeSpan.FromMilliseconds(100)), StringComparison.Ordinal);
        Assert.Single(sim.Modem.State.Storage.Messages);
    }

    [Fact]
    public async Task InjectInbound_WithCnmiMt2_RoutesWithCmtWithoutStoring()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        await sim.Client.SendAsync("AT+CNMI=2,2,0,0,0");

        Assert.Empty(sim.Modem.InjectInbound(From, "direct"));

        await sim.Client.WaitForAsync("\r\n+CMT: ,");
        await sim.Client.WaitForAsync("\r\n");
        var pdu = (await sim.Client.WaitForAsync("\r\n")).Trim();
        Assert.Equal("direct", Assert.IsType<DeliverPdu>(PduDecoder.Decode(pdu)).Text);
        Assert.Equal(0, sim.Modem.State.Storage.Used);
    }

    [Fact]
    public async Task Cmgl_ListsInjectedMessagesAndCmgdDeletesThem()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        sim.Modem.InjectInbound(From, "first");
        sim.Modem.InjectInbound("+4917699999999", "second");

        var listing = await sim.Client.SendAsync("AT+CMGL=4");

        var lines = listing.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("+CMGL: 1,0,,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("+CMGL: 2,0,,", lines[2], StringComparison.Ordinal);
        Assert.Equal("first", Assert.IsType<DeliverPdu>(PduDecoder.Decode(lines[1])).Text);
        Assert.Equal("second", Assert.IsType<DeliverPdu>(PduDecoder.Decode(lines[3])).Text);
        Assert.Equal("OK", lines[4]);

        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT+CMGD=1"));
        Assert.Equal("\r\n+CMS ERROR: 321\r\n", await sim.Client.SendAsync("AT+CMGR=1"));
        Assert.StartsWith("\r\n+CMGL: 2,1,,", await sim.Client.SendAsync("AT+CMGL=1"), StringComparison.Ordinal);
        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT+CMGL=0"));
        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT+CMGD=1,4"));
        Assert.Equal(0, sim.Modem.State.Storage.Used);
        Assert.Equal("\r\n+CMS ERROR: 321\r\n", await sim.Client.SendAsync("AT+CMGD=99"));
    }

    [Fact]
    public async Task InjectInboundParts_OutOfOrder_StoresPartsWithTheirConcatHeaders()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        var indexes = sim.Modem.InjectInboundParts(From, _longText, order: [2, 1, 3]);

        Assert.Equal([1, 2, 3], indexes);
        var parts = await ListDeliversAsync(sim);
        Assert.Equal([2, 1, 3], parts.Select(p => p.Concat!.PartNumber));
        Assert.All(parts, p => Assert.Equal((3, false), (p.Concat!.PartCount, p.Concat.Is16Bit)));
        Assert.Single(parts.Select(p => p.Concat!.Reference).Distinct());
        Assert.Equal(_longText, string.Concat(parts.OrderBy(p => p.Concat!.PartNumber).Select(p => p.Text)));
    }

    [Fact]
    public async Task InjectInboundParts_16BitReferenceAndDroppedPart_LeavesAGap()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        sim.Modem.InjectInbound(new SimulatedInboundSms
        {
            From = From,
            Text = _longText,
            Use16BitReference = true,
            Reference = 0x1234,
            DropParts = [2],
        });

        var parts = await ListDeliversAsync(sim);
        Assert.Equal([1, 3], parts.Select(p => p.Concat!.PartNumber));
        Assert.All(parts, p => Assert.Equal((0x1234, true), (p.Concat!.Reference, p.Concat.Is16Bit)));
    }

    [Fact]
    public async Task InjectInbound_NonGsmText_IsSentAsUcs2()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        sim.Modem.InjectInbound("Bank", "Привет");

        var deliver = Assert.Single(await ListDeliversAsync(sim));
        Assert.Equal((SmsDataCoding.Ucs2, "Привет", "Bank"), (deliver.Coding, deliver.Text, deliver.Sender));
    }

    [Fact]
    public async Task InjectInbound_FullStorage_DropsTheMessage()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.StorageSize = 1);

        sim.Modem.InjectInbound(From, "fits");

        Assert.Empty(sim.Modem.InjectInbound(From, "does not fit"));
        Assert.Equal(1, sim.Modem.State.Storage.Used);
    }

    private static async Task<List<DeliverPdu>> ListDeliversAsync(InProcessSimulator sim)
    {
        var lines = (await sim.Client.SendAsync("AT+CMGL=4")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return lines.Where((_, i) => i % 2 == 1 && i < lines.Length - 1)
            .Select(hex => Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex)))
            .ToList();
    }
}

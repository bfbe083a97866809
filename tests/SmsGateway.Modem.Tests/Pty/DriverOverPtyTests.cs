using SmsGateway.Core.Modem;
using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Modem.Tests.Pty;

/// <summary>The real driver on a real pseudo-terminal against the simulated modem: sends, receives, reports and faults.</summary>
public sealed class DriverOverPtyTests
{
    private const string To = "+4915112345678";
    private const string From = "+4917612345678";

    // 440 septets: three concatenated GSM-7 parts.
    private static readonly string _longText = string.Concat(Enumerable.Range(0, 40).Select(i => $"part{i:D4}. "));

    [PtyFact]
    public async Task Send_SinglePart_IsTransmittedWithTheAnsweredReference()
    {
        await using var h = await PtyDriverHarness.StartAsync();

        var receipt = await h.Driver.SendAsync(new ModemSendRequest(To, "Hello over a pty"), CancellationToken.None);

        var sent = Assert.Single(h.Simulator.Transmissions);
        Assert.Equal((To, "Hello over a pty"), (sent.To, sent.Text));
        Assert.Equal([sent.MessageReference], receipt.PartReferences);
        var line = Assert.Single(h.AirLog());
        Assert.Equal("Hello over a pty", line.GetProperty("text").GetString());
    }

    [PtyFact]
    public async Task Send_Multipart_PartsGoOutInOrderWithOneConcatReference()
    {
        await using var h = await PtyDriverHarness.StartAsync();

        var receipt = await h.Driver.SendAsync(new ModemSendRequest(To, _longText), CancellationToken.None);

        var log = h.AirLog();
        Assert.Equal([1, 2, 3], log.Select(l => l.GetProperty("part").GetInt32()));
        Assert.All(log, l => Assert.Equal(3, l.GetProperty("parts").GetInt32()));
        Assert.Single(log.Select(l => l.GetProperty("reference").GetInt32()).Distinct());
        Assert.Equal(receipt.PartReferences, log.Select(l => l.GetProperty("messageReference").GetInt32()));
        Assert.Equal(_longText, string.Concat(log.Select(l => l.GetProperty("text").GetString())));
    }

    [PtyFact]
    public async Task Send_MultipartWithALineAfterEveryPrompt_EveryPartGoesOutAtOnce()
    {
        // Huawei sticks and modems with reports on write an unsolicited line in the same burst as "> ".
        await using var h = await PtyDriverHarness.StartAsync(
            sim => sim.LineAfterPrompt = "+CDSI: \"SM\",2",
            driver => driver.SendTimeout = TimeSpan.FromSeconds(30));

        var receipt = await h.Driver.SendAsync(new ModemSendRequest(To, _longText), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([1, 2, 3], h.AirLog().Select(l => l.GetProperty("part").GetInt32()));
        Assert.Equal(3, receipt.PartReferences.Count);
    }

    [PtyFact]
    public async Task Send_ResumedAfterTheFirstPart_SendsOnlyPartsTwoAndThreeWithTheSameReference()
    {
        await using var h = await PtyDriverHarness.StartAsync();
        h.Simulator.FailNextSends(42, 1, afterParts: 1);

        var failure = await Assert.ThrowsAsync<SmsSendException>(() => h.Driver.SendAsync(new ModemSendRequest(To, _longText), CancellationToken.None));
        var receipt = await h.Driver.SendAsync(
            new ModemSendRequest(To, _longText) { ConcatReference = failure.ConcatReference, PartsAlreadySent = failure.SentPartReferences.Count },
            CancellationToken.None);

        var log = h.AirLog();
        Assert.Equal([1, 2, 3], log.Select(l => l.GetProperty("part").GetInt32()));
        Assert.Single(log.Select(l => l.GetProperty("reference").GetInt32()).Distinct());
        Assert.Equal([.. failure.SentPartReferences, .. receipt.PartReferences], log.Select(l => l.GetProperty("messageReference").GetInt32()));
    }

    [PtyFact]
    public async Task Inbound_SinglePart_ReachesTheSinkBeforeItLeavesTheSim()
    {
        await using var h = await PtyDriverHarness.StartAsync();
        var onSimAtHandOver = RecordSimContentsAtHandOver(h);

        h.Simulator.InjectInbound(From, "Ping from a phone");

        await h.EventuallyAsync(() => h.Sink.Parts.Count == 1, "the part reached the sink");
        await h.EventuallyAsync(() => h.Simulator.State.Storage.Used == 0, "the SIM is empty");
        var part = Assert.Single(h.Sink.Parts);
        Assert.Equal((From, "Ping from a phone", null), (part.Sender, part.Text, part.Concat));
        Assert.Contains(part.Pdu, onSimAtHandOver[0]);
    }

    [PtyFact]
    public async Task Inbound_MultipartOutOfOrder_EveryPartReachesTheSinkBeforeItLeavesTheSim()
    {
        await using var h = await PtyDriverHarness.StartAsync();
        var onSimAtHandOver = RecordSimContentsAtHandOver(h);

        h.Simulator.InjectInboundParts(From, _longText, order: [3, 1, 2]);

        await h.EventuallyAsync(() => h.Sink.Parts.Count == 3, "three parts reached the sink");
        await h.EventuallyAsync(() => h.Simulator.State.Storage.Used == 0, "the SIM is empty");
        var parts = h.Sink.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.Contains(parts[i].Pdu, onSimAtHandOver[i]);
        }

        Assert.Single(parts.Select(p => p.Concat!.Reference).Distinct());
        Assert.Equal(_longText, string.Concat(parts.OrderBy(p => p.Concat!.PartNumber).Select(p => p.Text)));
    }

    [PtyFact]
    public async Task StatusReport_ReachesTheSinkWithTheSentReference()
    {
        await using var h = await PtyDriverHarness.StartAsync();

        var receipt = await h.Driver.SendAsync(new ModemSendRequest(To, "Tell me when it arrives"), CancellationToken.None);

        await h.EventuallyAsync(() => h.Sink.Reports.Count == 1, "the status report reached the sink");
        var report = Assert.Single(h.Sink.Reports);
        Assert.Equal((receipt.PartReferences[0], To, true, true), (report.MessageReference, report.Recipient, report.Delivered, report.IsFinal));
        await h.EventuallyAsync(() => h.Simulator.State.Storage.Used == 0, "the stored report was deleted");
    }

    [PtyFact]
    public async Task CmsError500_FailsTransientlyOnceThenSends()
    {
        await using var h = await PtyDriverHarness.StartAsync();
        h.Simulator.FailNextSends(500, 1);

        var failure = await Assert.ThrowsAsync<SmsSendException>(() => h.Driver.SendAsync(new ModemSendRequest(To, "try twice"), CancellationToken.None));
        var receipt = await h.Driver.SendAsync(new ModemSendRequest(To, "try twice"), CancellationToken.None);

        Assert.Equal((SendFailureKind.Transient, 500), (failure.Kind, failure.ErrorCode));
        var sent = Assert.Single(h.Simulator.Transmissions);
        Assert.Equal(receipt.PartReferences[0], sent.MessageReference);
    }

    [PtyFact]
    public async Task Hang_WithReboot_DriverReinitialisesThenSendsAndReceives()
    {
        await using var h = await PtyDriverHarness.StartAsync();

        // Long enough for two status polls to time out, so the driver gives up on the session.
        h.Simulator.Hang(TimeSpan.FromSeconds(7), reboot: true);

        await h.EventuallyAsync(() => !h.Driver.Status.Connected, "the driver noticed the hang");
        await h.EventuallyAsync(() => h.Driver.Status.Connected, "the driver connected again");
        Assert.True(h.Simulator.State.IndicatesStoredMessages, "the driver set AT+CNMI again after the reboot");
        await SendUntilAcceptedAsync(h, new ModemSendRequest(To, "after the hang"));
        h.Simulator.InjectInbound(From, "announced by +CMTI");
        await h.EventuallyAsync(() => h.Sink.Parts.Count == 1, "the new message reached the sink");
    }

    [PtyFact]
    public async Task PortVanishes_DriverReconnectsWhenItComesBackAndSends()
    {
        await using var h = await PtyDriverHarness.StartAsync();

        await h.Pty.KillAsync();
        h.Simulator.ClosePort();
        await h.EventuallyAsync(() => !h.Driver.Status.Connected, "the driver noticed the port was gone");
        await h.Pty.StartAsync();
        await h.EventuallyAsync(() => h.Driver.Status.Connected, "the driver reconnected");

        var receipt = await SendUntilAcceptedAsync(h, new ModemSendRequest(To, "back again"));

        Assert.Equal(receipt.PartReferences[0], Assert.Single(h.Simulator.Transmissions).MessageReference);
    }

    [PtyFact]
    public async Task HangRightAfterTransmitting_OutcomeIsUnknownButThePartIsOnTheAir()
    {
        await using var h = await PtyDriverHarness.StartAsync();

        // Raised before +CMGS is written: the answer is lost, the SMS is not.
        h.Simulator.Transmitted += (_, _) => h.Simulator.Hang(TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<SmsSendException>(() => h.Driver.SendAsync(new ModemSendRequest(To, "did it go?"), CancellationToken.None));
        Assert.Equal(SendFailureKind.UnknownOutcome, failure.Kind);
        Assert.Equal("did it go?", Assert.Single(h.Simulator.Transmissions).Text);
    }

    [PtyFact]
    public async Task NothingLost_AcrossFaults_EveryAcceptedSendIsOnTheAir()
    {
        await using var h = await PtyDriverHarness.StartAsync();
        var accepted = new List<(string Text, SmsSendReceipt Receipt)>();

        for (var i = 1; i <= 6; i++)
        {
            switch (i)
            {
                case 2:
                    h.Simulator.FailNextSends(500, 2);
                    break;
                case 3:
                    h.Simulator.Hang(TimeSpan.FromSeconds(2));
                    break;
                case 5:
                    await h.Pty.KillAsync();
                    h.Simulator.ClosePort();
                    await h.Pty.StartAsync();
                    break;
            }

            var text = i % 2 == 0 ? $"message {i}: {_longText}" : $"message {i}";
            accepted.Add((text, await SendUntilAcceptedAsync(h, new ModemSendRequest(To, text))));
        }

        var air = h.AirLog();
        foreach (var (text, receipt) in accepted)
        {
            var lines = air.Where(l => receipt.PartReferences.Contains(l.GetProperty("messageReference").GetInt32())).ToList();
            var onAir = string.Concat(lines.OrderBy(l => l.GetProperty("part").GetInt32()).Select(l => l.GetProperty("text").GetString()));
            Assert.True(
                text == onAir,
                $"accepted with references [{string.Join(',', receipt.PartReferences)}] but the air log has \"{onAir}\" for them, not \"{text}\"\n{h.Log.Recent(150)}");
        }
    }

    private static List<HashSet<string>> RecordSimContentsAtHandOver(PtyDriverHarness h)
    {
        var snapshots = new List<HashSet<string>>();
        h.Sink.OnHandOver = () => snapshots.Add(h.Simulator.State.Storage.Messages.Select(m => m.Pdu).ToHashSet());
        return snapshots;
    }

    /// <summary>Retries transient failures as the outbound worker would, with a deadline.</summary>
    private static async Task<SmsSendReceipt> SendUntilAcceptedAsync(PtyDriverHarness h, ModemSendRequest sms)
    {
        var deadline = DateTime.UtcNow + PtyDriverHarness.Patience;
        while (true)
        {
            try
            {
                return await h.Driver.SendAsync(sms, CancellationToken.None);
            }
            catch (SmsSendException ex) when (ex.Kind != SendFailureKind.Permanent)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Still failing: {ex.Message}\n{h.Log.Recent()}", ex);
                }

                await Task.Delay(200);
            }
        }
    }
}

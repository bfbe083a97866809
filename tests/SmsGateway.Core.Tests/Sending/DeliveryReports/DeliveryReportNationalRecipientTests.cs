using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Sending.Records;
using Opts = Microsoft.Extensions.Options.Options;

namespace SmsGateway.Core.Tests.Sending.DeliveryReports;

/// <summary>
/// Status reports whose recipient the SMSC writes other than in E.164: matched on the national significant number read
/// in <c>Sms:DefaultRegion</c>, or on the international digits it carried with type of number "unknown". (The driver reads
/// national recipients in the SIM's home country before they get here: GsmModemReceiveTests.)
/// </summary>
public sealed class DeliveryReportNationalRecipientTests
{
    private const string SouthAfrican = "+27829200000";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMessageStore _store = new();
    private readonly InMemoryPartReferenceIndex _index = new();

    [Theory]
    [InlineData("0829200000", "ZA")] // national, with the trunk prefix
    [InlineData("829200000", "ZA")] // the national significant number alone
    [InlineData("27829200000", null)] // international digits with type of number "unknown", no region needed
    [InlineData("0027829200000", null)]
    public async Task Receive_RecipientNotInE164_MatchesTheSentDestination(string reported, string? region)
    {
        var id = await SentAsync(SouthAfrican, 42);

        var outcome = await Processor(region).ReceiveAsync(Delivered(reported, 42), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal(DestinationStatus.Delivered, _store[id].Destinations[0].Status);
    }

    [Fact]
    public async Task Receive_NationalRecipientReadInAnotherCountry_IsNotMatched()
    {
        // "0829200000" read as German is not the South African number sent to.
        var id = await SentAsync(SouthAfrican, 43);

        var outcome = await Processor("DE").ReceiveAsync(Delivered("0829200000", 43), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Unknown, outcome);
        Assert.Equal(DestinationStatus.Sent, _store[id].Destinations[0].Status);
    }

    private DeliveryReportProcessor Processor(string? region) => new(
        _index,
        new InMemoryPendingReports(),
        new MessageUpdater(_store, _time),
        Opts.Create(new DeliveryReportOptions()),
        Opts.Create(new SmsOptions { DefaultRegion = region }),
        _time,
        NullLogger<DeliveryReportProcessor>.Instance);

    private DeliveryReport Delivered(string to, int reference) => new(to, reference, true, true, 0x00, _time.GetUtcNow());

    private async Task<string> SentAsync(string to, int reference)
    {
        var now = _time.GetUtcNow();
        var destination = Destination.Sms(to) with { Status = DestinationStatus.Sent, SentAt = now, PartReferences = [reference] };
        var message = new Message { Id = Message.NewId(now), Text = "x", Destinations = [destination], CreatedAt = now, UpdatedAt = now };
        await _store.CreateAsync(message, null, CancellationToken.None);
        await _index.RecordAsync([new PartReference(to, reference, message.Id, 0, 0, now)], CancellationToken.None);
        return message.Id;
    }
}

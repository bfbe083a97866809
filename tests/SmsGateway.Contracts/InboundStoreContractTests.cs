using SmsGateway.Core.Domain;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IInboundStore"/> must do; adapters' test classes derive from this.</summary>
public abstract class InboundStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Scts = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1));

    protected IInboundStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IInboundStore> CreateStoreAsync();

    protected static InboundPartRecord Part(string id, string setKey = "+4915112345678|7|3", string? setId = null, int number = 1, int count = 3) => new()
    {
        Id = id,
        SetKey = setKey,
        SetId = setId,
        Sender = "+4915112345678",
        SentAt = Scts,
        ReceivedAt = DateTimeOffset.UtcNow,
        Text = $"part {number} ü€",
        Pdu = "07911326040000F0040B911346610089F60000208062917314080CC8329BFD06",
        PartNumber = number,
        PartCount = count,
    };

    protected static InboundMessage NewMessage(DateTimeOffset at, string text = "hello") => new()
    {
        Id = Message.NewId(at),
        Sender = "+4915112345678",
        SentAt = Scts,
        ReceivedAt = at,
        Text = text,
    };

    [Fact]
    public async Task AddPart_ThenGet_ReturnsItWithItsOffsetsKept()
    {
        var part = Part("p1", setId: "s1") with { MessageId = null, FragmentOf = "m0" };

        Assert.True(await Store.AddPartAsync(part, CancellationToken.None));
        var read = await Store.GetPartAsync(part.SetKey, "p1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(part.Text, read.Text);
        Assert.Equal(part.SentAt, read.SentAt);
        Assert.Equal(part.SentAt.Offset, read.SentAt.Offset);
        Assert.Equal("s1", read.SetId);
        Assert.Equal("m0", read.FragmentOf);
        Assert.Null(read.MessageId);
        Assert.Equal((1, 3), (read.PartNumber, read.PartCount));
    }

    [Fact]
    public async Task TheTruncatedMark_IsKept_OnPartsAndMessages()
    {
        var part = Part("p-cut", setId: "s-cut") with { Truncated = true };
        var message = NewMessage(DateTimeOffset.UtcNow) with { Truncated = true };
        var plain = NewMessage(DateTimeOffset.UtcNow.AddSeconds(1));

        await Store.AddPartAsync(part, CancellationToken.None);
        await Store.AddPartAsync(Part("p-whole", setId: "s-cut", number: 2), CancellationToken.None);
        await Store.AddMessageAsync(message, CancellationToken.None);
        await Store.AddMessageAsync(plain, CancellationToken.None);

        Assert.True((await Store.GetPartAsync(part.SetKey, "p-cut", CancellationToken.None))?.Truncated);
        Assert.False((await Store.GetPartAsync(part.SetKey, "p-whole", CancellationToken.None))?.Truncated);
        Assert.True((await Store.GetMessageAsync(message.Id, CancellationToken.None))?.Truncated);
        Assert.False((await Store.GetMessageAsync(plain.Id, CancellationToken.None))?.Truncated);
    }

    [Fact]
    public async Task AddPart_SameIdTwice_KeepsTheFirstAndReportsTheDuplicate()
    {
        Assert.True(await Store.AddPartAsync(Part("p1", setId: "s1"), CancellationToken.None));

        Assert.False(await Store.AddPartAsync(Part("p1", setId: "s2"), CancellationToken.None));
        Assert.Equal("s1", (await Store.GetPartAsync("+4915112345678|7|3", "p1", CancellationToken.None))!.SetId);
    }

    [Fact]
    public async Task GetPart_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetPartAsync("x|1|2", "nope", CancellationToken.None));
    }

    [Fact]
    public async Task ListSetParts_ReturnsOnlyThatSetsParts_InPartOrder()
    {
        await Store.AddPartAsync(Part("c", setId: "s1", number: 3), CancellationToken.None);
        await Store.AddPartAsync(Part("a", setId: "s1", number: 1), CancellationToken.None);
        await Store.AddPartAsync(Part("x", setId: "s2", number: 2), CancellationToken.None);

        var parts = await Store.ListSetPartsAsync("+4915112345678|7|3", "s1", CancellationToken.None);

        Assert.Equal([1, 3], parts.Select(p => p.PartNumber));
    }

    [Fact]
    public async Task SaveSet_ReplacesIt_AndFindLatestReturnsTheNewestOfTheKey()
    {
        var older = NewSet(DateTimeOffset.UtcNow.AddMinutes(-5));
        var newer = NewSet(DateTimeOffset.UtcNow);
        await Store.SaveSetAsync(newer, CancellationToken.None);
        await Store.SaveSetAsync(older, CancellationToken.None);
        await Store.SaveSetAsync(NewSet(DateTimeOffset.UtcNow.AddMinutes(1)) with { Key = "other|1|2" }, CancellationToken.None);

        var released = newer with { State = InboundSetState.Releasing, MessageId = "m1", IncludedParts = [1, 3] };
        await Store.SaveSetAsync(released, CancellationToken.None);
        var latest = await Store.FindLatestSetAsync(newer.Key, CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal(newer.Id, latest.Id);
        Assert.Equal(InboundSetState.Releasing, latest.State);
        Assert.Equal("m1", latest.MessageId);
        Assert.Equal([1, 3], latest.IncludedParts);
        Assert.Null(await Store.FindLatestSetAsync("nobody|1|2", CancellationToken.None));
    }

    [Fact]
    public async Task ListUnreleasedSets_ReturnsOpenAndReleasing_OldestFirst()
    {
        var open = NewSet(DateTimeOffset.UtcNow.AddMinutes(-2));
        var releasing = NewSet(DateTimeOffset.UtcNow.AddMinutes(-1)) with { State = InboundSetState.Releasing };
        var released = NewSet(DateTimeOffset.UtcNow) with { State = InboundSetState.Released };
        foreach (var set in new[] { released, releasing, open })
        {
            await Store.SaveSetAsync(set, CancellationToken.None);
        }

        var sets = await Store.ListUnreleasedSetsAsync(10, CancellationToken.None);

        Assert.Equal([open.Id, releasing.Id], sets.Select(s => s.Id));
    }

    [Fact]
    public async Task AddMessage_ThenGet_ReturnsIt_AndASecondAddIsRefused()
    {
        var message = NewMessage(DateTimeOffset.UtcNow) with { Parts = 3, MissingParts = [2], FragmentOf = "m0", Text = "a[…]c" };

        Assert.True(await Store.AddMessageAsync(message, CancellationToken.None));
        Assert.False(await Store.AddMessageAsync(message with { Text = "other" }, CancellationToken.None));
        var read = await Store.GetMessageAsync(message.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal("a[…]c", read.Text);
        Assert.Equal(3, read.Parts);
        Assert.False(read.Complete);
        Assert.Equal([2], read.MissingParts);
        Assert.Equal("m0", read.FragmentOf);
        Assert.Equal(message.SentAt.Offset, read.SentAt.Offset);
        Assert.Null(await Store.GetMessageAsync("0000000000000000000000000000dead", CancellationToken.None));
    }

    [Fact]
    public async Task ListMessages_PagesNewestFirst_WithACursorUntilTheEnd()
    {
        var start = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var message = NewMessage(start.AddSeconds(i), $"m{i}");
            await Store.AddMessageAsync(message, CancellationToken.None);
            ids.Add(message.Id);
        }

        var first = await Store.ListMessagesAsync(null, 2, CancellationToken.None);
        var second = await Store.ListMessagesAsync(first.Next, 2, CancellationToken.None);
        var third = await Store.ListMessagesAsync(second.Next, 2, CancellationToken.None);

        Assert.Equal(["m4", "m3"], first.Items.Select(m => m.Text));
        Assert.Equal(["m2", "m1"], second.Items.Select(m => m.Text));
        Assert.Equal(["m0"], third.Items.Select(m => m.Text));
        Assert.NotNull(first.Next);
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task ListMessages_ExactlyOnePageFull_HasNoNext()
    {
        await Store.AddMessageAsync(NewMessage(DateTimeOffset.UtcNow), CancellationToken.None);

        var page = await Store.ListMessagesAsync(null, 1, CancellationToken.None);

        Assert.Single(page.Items);
        Assert.Null(page.Next);
    }

    private static InboundSet NewSet(DateTimeOffset openedAt) => new()
    {
        Id = Message.NewId(openedAt),
        Key = "+4915112345678|7|3",
        Sender = "+4915112345678",
        PartCount = 3,
        OpenedAt = openedAt,
        SentAt = Scts,
    };
}

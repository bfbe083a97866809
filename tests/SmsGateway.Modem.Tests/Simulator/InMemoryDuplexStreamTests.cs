using SmsGateway.Modem.Simulator;

namespace SmsGateway.Modem.Tests.Simulator;

public sealed class InMemoryDuplexStreamTests
{
    [Fact]
    public async Task Read_ReturnsWhatIsThereWithoutWaitingForAFullBuffer()
    {
        var (host, device) = InMemoryDuplexStream.CreatePair();
        await using var _ = host;
        await using var __ = device;

        await host.WriteAsync("AT\r"u8.ToArray());
        var buffer = new byte[100];
        var read = await device.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("AT\r"u8.ToArray(), buffer[..read]);
    }

    [Fact]
    public async Task Read_SmallBuffer_ReturnsTheRestLater()
    {
        var (host, device) = InMemoryDuplexStream.CreatePair();
        await using var _ = host;
        await using var __ = device;
        await device.WriteAsync("OK\r\n"u8.ToArray());
        var buffer = new byte[3];

        Assert.Equal(3, await host.ReadAsync(buffer));
        Assert.Equal(1, await host.ReadAsync(buffer));
        Assert.Equal((byte)'\n', buffer[0]);
    }

    [Fact]
    public async Task Dispose_EndsThePeersPendingReadAndFailsItsWrites()
    {
        var (host, device) = InMemoryDuplexStream.CreatePair();
        await using var _ = host;
        var pending = host.ReadAsync(new byte[10]).AsTask();

        await device.DisposeAsync();

        Assert.Equal(0, await pending.WaitAsync(TimeSpan.FromSeconds(2)));
        await Assert.ThrowsAsync<IOException>(() => host.WriteAsync(new byte[] { 1 }).AsTask());
    }
}

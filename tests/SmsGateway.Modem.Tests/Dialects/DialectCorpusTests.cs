using SmsGateway.Modem.Simulator;

namespace SmsGateway.Modem.Tests.Dialects;

/// <summary>
/// Each dialect profile (README.md in this folder names the transcripts they come from) through the real driver: what
/// it must be able to do. docs/MODEMS.md shows the same results (ModemsTableTests).
/// </summary>
public sealed class DialectCorpusTests
{
    public static TheoryData<string, string, string, string> Expected() => new()
    {
        { "standard", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
        { "huawei", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
        { "wavecom", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
        { "zte", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
        { "sim800", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
        { "quectel", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
        { "nokia", "single + multipart", "polled (AT+CMGL)", "no" },
        { "notsupport", "single + multipart", "+CMTI, +CMT", "+CDSI, +CDS" },
    };

    [Fact]
    public void Expected_CoversEveryDialect() =>
        Assert.Equal(SimDialects.Names.Order(), Expected().Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Dialect_ThroughTheDriver_InitialisesSendsReceivesAndGetsReports(string dialect, string send, string receive, string reports)
    {
        var result = await DialectRun.ResultAsync(dialect);

        Assert.Equal(("yes", send, receive, reports), (result.Initialise, result.Send, result.Receive, result.Reports));
    }
}

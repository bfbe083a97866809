using SmsGateway.Modem.Driver;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class AtValueParserTests
{
    [Theory]
    [InlineData("0,99", -113)]
    [InlineData("17,99", -79)]
    [InlineData("31,0", -51)]
    [InlineData("99,99", null)]
    [InlineData("", null)]
    public void SignalDbm_FromCsq(string csq, int? dbm) => Assert.Equal(dbm, AtValueParser.SignalDbm(csq));

    [Theory]
    [InlineData("0,1", false, true, false)]
    [InlineData("0,5", false, true, true)]
    [InlineData("2,2,\"1A2B\",\"01C3D4E\"", false, false, false)]
    [InlineData("1", true, true, false)]
    [InlineData("5,\"1A2B\",\"01C3D4E\",7", true, true, true)]
    [InlineData("0", true, false, false)]
    public void Registration_FromCreg(string creg, bool unsolicited, bool registered, bool roaming) =>
        Assert.Equal((registered, roaming), AtValueParser.Registration(creg, unsolicited));

    [Theory]
    [InlineData("0,0,\"Telekom.de\",7", "Telekom.de")]
    [InlineData("0,2,\"26201\",2", "26201")]
    [InlineData("0", null)]
    [InlineData("0,0,\"A, B\",7", "A, B")]
    public void Operator_FromCops(string cops, string? name) => Assert.Equal(name, AtValueParser.Operator(cops));

    [Fact]
    public void StoredSms_ParseList_PairsHeadersWithPdus()
    {
        var listed = SmsGateway.Modem.Driver.StoredSms.ParseList(["+CMGL: 1,0,,24", "AABB", "+CMGL: 5,1,\"x,y\",30", "CCDD"]);

        Assert.Equal([new StoredSms(1, 0, 24, "AABB"), new StoredSms(5, 1, 30, "CCDD")], listed);
    }
}

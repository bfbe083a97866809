using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduDecoderStatusReportTests
{
    [Fact]
    public void Decode_StatusReport_ReadsEveryField()
    {
        // python-messaging test_decode_sms_confirmation:
        // 07 91 4306073011F0   SMSC +34607003110
        // 06                   TP-MTI 10 STATUS-REPORT, TP-MMS set
        // 27                   TP-MR 39
        // 0B 91 3426565711F7   TP-RA +43626575117
        // 01208111134540       TP-SCTS 10-02-18 11:31:54 +01:00 (zone 0x40 = 4 quarters)
        // 01208111740540       TP-DT   10-02-18 11:47:50 +01:00
        // 43                   TP-ST 0x43: permanent error, "not obtainable"
        var pdu = Assert.IsType<StatusReportPdu>(
            PduDecoder.Decode("07914306073011F006270B913426565711F7012081111345400120811174054043"));

        Assert.Equal("+34607003110", pdu.SmscAddress);
        Assert.Equal(39, pdu.MessageReference);
        Assert.Equal("+43626575117", pdu.Recipient);
        Assert.Equal(SmsAddressType.International, pdu.RecipientType);
        Assert.Equal(new DateTimeOffset(2010, 2, 18, 11, 31, 54, TimeSpan.FromHours(1)), pdu.ServiceCentreTimestamp);
        Assert.Equal(new DateTimeOffset(2010, 2, 18, 11, 47, 50, TimeSpan.FromHours(1)), pdu.DischargeTime);
        Assert.Equal(0x43, pdu.Status);
        Assert.True(pdu.IsFinal);
        Assert.False(pdu.IsDelivered);
    }

    [Theory]
    [InlineData(0x00, true, true)] // received by the SME
    [InlineData(0x01, true, true)] // forwarded, delivery unconfirmed
    [InlineData(0x1F, true, true)]
    [InlineData(0x20, false, false)] // congestion, still trying
    [InlineData(0x30, false, false)]
    [InlineData(0x3F, false, false)]
    [InlineData(0x40, true, false)] // remote procedure error
    [InlineData(0x46, true, false)] // validity period expired
    [InlineData(0x60, true, false)] // congestion, SC stopped trying
    [InlineData(0x7F, true, false)]
    [InlineData(0x80, true, false)] // reserved
    public void Status_Value_MapsToFinalAndDelivered(int status, bool isFinal, bool isDelivered)
    {
        var hex = PduEncoder.EncodeStatusReport(
            7, "+491701234567", new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 1, 12, 0, 5, TimeSpan.Zero), (byte)status);

        var pdu = Assert.IsType<StatusReportPdu>(PduDecoder.Decode(hex));

        Assert.Equal(isFinal, pdu.IsFinal);
        Assert.Equal(isDelivered, pdu.IsDelivered);
    }

    [Fact]
    public void EncodeStatusReport_Fields_MatchHandBuiltPdu()
    {
        // 00 no SMSC | 06 STATUS-REPORT + MMS | 2A MR 42 | 0B 91 6407281553F8 (+46708251358)
        // SCTS 24-12-31 23:59:58 -03:00 -> 42 21 13 32 95 85 | zone 12 quarters negative: tens 1|8 = 9, units 2 -> 0x29
        // DT   25-01-01 00:00:30 -03:00 -> 52 10 10 00 00 03 29 | ST 00
        var scts = new DateTimeOffset(2024, 12, 31, 23, 59, 58, TimeSpan.FromHours(-3));
        var discharge = new DateTimeOffset(2025, 1, 1, 0, 0, 30, TimeSpan.FromHours(-3));

        var hex = PduEncoder.EncodeStatusReport(42, "+46708251358", scts, discharge, 0x00);

        Assert.Equal("00" + "06" + "2A" + "0B916407281553F8" + "42211332958529" + "52101000000329" + "00", hex);
        var pdu = Assert.IsType<StatusReportPdu>(PduDecoder.Decode(hex));
        Assert.Equal(scts, pdu.ServiceCentreTimestamp);
        Assert.Equal(TimeSpan.FromHours(-3), pdu.DischargeTime.Offset);
        Assert.True(pdu.IsDelivered);
    }
}

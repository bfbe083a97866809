using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduDecoderSubmitTests
{
    [Fact]
    public void Decode_ClassicHelloHelloSubmit_ReadsEveryField()
    {
        // Classic SMS-SUBMIT example (dreamfabric / Wikipedia):
        // 00             no SMSC (use the one on the SIM)
        // 11             TP-MTI 01 SUBMIT, TP-VPF 10 relative, no SRR, no UDHI
        // 00             TP-MR
        // 0B 91 6407281553F8  TP-DA 11 digits international: 46708251358
        // 00 00          TP-PID, TP-DCS GSM-7
        // AA             TP-VP 170 = (170 - 166) = 4 days
        // 0A E8329BFD4697D9EC37  10 septets "hellohello"
        var pdu = Assert.IsType<SubmitMessage>(PduDecoder.Decode("0011000B916407281553F80000AA0AE8329BFD4697D9EC37"));

        Assert.Null(pdu.SmscAddress);
        Assert.Equal("+46708251358", pdu.Recipient);
        Assert.Equal(SmsAddressType.International, pdu.RecipientType);
        Assert.Equal(0, pdu.MessageReference);
        Assert.Equal(SmsDataCoding.Gsm7, pdu.Coding);
        Assert.Equal("hellohello", pdu.Text);
        Assert.False(pdu.StatusReportRequested);
        Assert.Equal(TimeSpan.FromDays(4), pdu.ValidityPeriod);
        Assert.Null(pdu.ValidityEnd);
        Assert.Null(pdu.Concat);
    }

    [Fact]
    public void Decode_SubmitWithoutSmscFlag_ReadsTpduDirectly()
    {
        var pdu = Assert.IsType<SubmitMessage>(
            PduDecoder.Decode("11000B916407281553F80000AA0AE8329BFD4697D9EC37", includesSmsc: false));

        Assert.Equal("hellohello", pdu.Text);
    }

    [Fact]
    public void Decode_SubmitWithAbsoluteValidity_ReadsValidityEnd()
    {
        // python-messaging: first octet 0x19 = SUBMIT + TP-VPF 11 (absolute);
        // TP-VP 01705202519300 = 10-07-25 20:15:39 +00:00; text 04 E8373B0C = "hola".
        var pdu = Assert.IsType<SubmitMessage>(PduDecoder.Decode("0019000B914316565811F900000170520251930004E8373B0C"));

        Assert.Equal("+34616585119", pdu.Recipient);
        Assert.Equal(new DateTimeOffset(2010, 7, 25, 20, 15, 39, TimeSpan.Zero), pdu.ValidityEnd);
        Assert.Null(pdu.ValidityPeriod);
        Assert.Equal("hola", pdu.Text);
    }

    [Fact]
    public void Decode_SubmitWithStatusReportRequest_ReadsSrr()
    {
        // python-messaging: 0x21 = SUBMIT + TP-SRR, no validity; "hey yo".
        var pdu = Assert.IsType<SubmitMessage>(PduDecoder.Decode("0021000B914356143254F6000006E8721E947F03"));

        Assert.True(pdu.StatusReportRequested);
        Assert.Null(pdu.ValidityPeriod);
        Assert.Equal("+34654123456", pdu.Recipient);
        Assert.Equal("hey yo", pdu.Text);
    }

    [Fact]
    public void Decode_SubmitToUnknownTypeNumber_KeepsDigits()
    {
        // python-messaging: DA 09 81 56355476F8 = "655345678" (TON unknown), DCS 08, "Русский".
        var pdu = Assert.IsType<SubmitMessage>(
            PduDecoder.Decode("001100098156355476F80008AA0E0420044304410441043A04380439"));

        Assert.Equal("655345678", pdu.Recipient);
        Assert.Equal(SmsAddressType.Unknown, pdu.RecipientType);
        Assert.Equal(SmsDataCoding.Ucs2, pdu.Coding);
        Assert.Equal("Русский", pdu.Text);
    }
}

using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

/// <summary>
/// User data shorter than TP-UDL says, as real SMSCs and modems deliver it: what is there is decoded and the message is
/// marked truncated, as gammu and python-gsmmodem do, instead of losing the whole SMS.
/// </summary>
public sealed class PduDecoderLenientTests
{
    [Fact]
    public void Decode_Gsm7UserDataShorterThanDeclared_DecodesWhatIsThereAndMarksTruncated()
    {
        // The classic "hellohello" deliver with TP-UDL 11 where the data holds 10 septets.
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode("07917283010010F5040BC87238880900F10000993092516195800BE8329BFD4697D9EC37"));

        Assert.Equal(("27838890001", "hellohello"), (pdu.Sender, pdu.Text));
        Assert.True(pdu.Truncated);
    }

    [Fact]
    public void Decode_Ucs2UserDataShorterThanDeclared_DropsTheHalfCharacterAndMarksTruncated()
    {
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode("0004069194214300084210510103004006" + "00410042"));

        Assert.Equal("AB", pdu.Text);
        Assert.True(pdu.Truncated);
    }

    [Fact]
    public void Decode_UdhiWithEmptyUserData_DecodesAnEmptyMessageMarkedTruncated()
    {
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode("0044069194214300044210510103004000"));

        Assert.Equal("+491234", pdu.Sender);
        Assert.Empty(pdu.Data);
        Assert.Null(pdu.Concat);
        Assert.True(pdu.Truncated);
    }

    [Fact]
    public void Decode_CompleteUserData_IsNotMarkedTruncated()
    {
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37"));

        Assert.Equal("hellohello", pdu.Text);
        Assert.False(pdu.Truncated);
    }
}

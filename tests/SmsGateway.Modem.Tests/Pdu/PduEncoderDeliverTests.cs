using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduEncoderDeliverTests
{
    private static readonly DateTimeOffset _scts = new(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void EncodeDeliver_AlphanumericSenderVector_ReproducesNetworkPdu()
    {
        // python-messaging "www.tim.it" PDU, as sent by a real network: re-encoding its fields must give the same octets.
        // SMSC +393358824000, first octet 04, OA 12 D0 F7FBDD454FB75D693A, PID 00, DCS 00,
        // SCTS 90300280115340 = 09-03-20 08:11:35 +01:00, UDL 2B (43 septets).
        const string expected = "07919333852804000412D0F7FBDD454FB75D693A0000903002801153402BCD301E9F0605D9E971191483C140412A35690D52832063D2F9040599A058EE05A3BD6430580E";

        var hex = PduEncoder.EncodeDeliver(
            "www.tim.it",
            "Maxxi Alice 100 ATTIVATA FINO AL 19/04/2009",
            new DateTimeOffset(2009, 3, 20, 8, 11, 35, TimeSpan.FromHours(1)),
            new DeliverOptions { SmscAddress = "+393358824000" });

        Assert.Equal(expected, hex);
    }

    [Fact]
    public void EncodeDeliver_SixteenBitConcat_MatchesHandBuiltPdu()
    {
        // Same hand-built PDU as PduDecoderDeliverTests.Decode_MultipartWithSixteenBitReference_ReadsConcat.
        var hex = PduEncoder.EncodeDeliver("+491234", "Hi", _scts, new DeliverOptions
        {
            ForceCoding = SmsDataCoding.Ucs2,
            Concat = new ConcatInfo(0x1234, 1, 2, Is16Bit: true),
        });

        Assert.Equal("00" + "44" + "0691942143" + "00" + "08" + "42105101030040" + "0B" + "06080412340201" + "00480069", hex);
    }

    [Fact]
    public void EncodeDeliver_TimestampWithPositiveZone_MatchesDreamfabricExample()
    {
        // dreamfabric "SCTS": 12 Feb 1999 05:57:30 GMT+3 is 99 20 21 50 75 03 21 (12 quarters: tens 1, units 2).
        var hex = PduEncoder.EncodeDeliver("+491234", "a", new DateTimeOffset(1999, 2, 12, 5, 57, 30, TimeSpan.FromHours(3)));

        // 00 | 04 | 06 91 942143 | 00 | 00 | SCTS | 01 61
        Assert.Equal("00" + "04" + "0691942143" + "0000" + "99202150750321" + "0161", hex);
    }

    [Theory]
    [InlineData("+4917012345", SmsAddressType.International, "+4917012345")]
    [InlineData("017012345", SmsAddressType.Unknown, "017012345")]
    [InlineData("Bank", SmsAddressType.Alphanumeric, "Bank")]
    [InlineData("MyBank €", SmsAddressType.Alphanumeric, "MyBank €")]
    public void EncodeDeliver_Sender_RoundTripsWithInferredType(string sender, SmsAddressType type, string decoded)
    {
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(PduEncoder.EncodeDeliver(sender, "x", _scts)));

        Assert.Equal(decoded, pdu.Sender);
        Assert.Equal(type, pdu.SenderType);
    }

    [Fact]
    public void EncodeDeliver_NationalSender_UsesTon2()
    {
        var hex = PduEncoder.EncodeDeliver("17012345", "x", _scts, new DeliverOptions { SenderType = SmsAddressType.National });

        // 00 | 04 | 08 A1 71 10 32 54 (digits 17 01 23 45, each pair swapped)
        Assert.StartsWith("0004" + "08A171103254", hex);
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex));
        Assert.Equal(("17012345", SmsAddressType.National), (pdu.Sender, pdu.SenderType));
    }

    [Fact]
    public void EncodeDeliver_Flags_RoundTrip()
    {
        var hex = PduEncoder.EncodeDeliver("+4917012345", "flash", _scts, new DeliverOptions
        {
            SmscAddress = "+4917200000",
            MoreMessagesToSend = true,
            StatusReportIndication = true,
            MessageClass = 0,
            ProtocolId = 0x41,
        });

        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex));

        Assert.Equal("+4917200000", pdu.SmscAddress);
        Assert.True(pdu.MoreMessagesToSend);
        Assert.True(pdu.StatusReportIndication);
        Assert.Equal(0, pdu.MessageClass);
        Assert.Equal(0x10, pdu.DataCodingScheme);
        Assert.Equal(0x41, pdu.ProtocolId);
        Assert.Equal("flash", pdu.Text);
    }

    [Fact]
    public void EncodeDeliver_NegativeZone_RoundTrips()
    {
        var scts = new DateTimeOffset(2023, 11, 5, 1, 2, 3, TimeSpan.FromMinutes(-(9 * 60) - 30));

        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(PduEncoder.EncodeDeliver("+1555", "x", scts)));

        Assert.Equal(scts, pdu.ServiceCentreTimestamp);
        Assert.Equal(scts.Offset, pdu.ServiceCentreTimestamp.Offset);
    }

    [Fact]
    public void EncodeDeliver_BinaryData_RoundTrips()
    {
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(PduEncoder.EncodeDeliver("+1555", [0x00, 0xFF, 0x7F], _scts)));

        Assert.Equal(SmsDataCoding.EightBit, pdu.Coding);
        Assert.Null(pdu.Text);
        Assert.Equal([0x00, 0xFF, 0x7F], pdu.Data);
    }

    [Fact]
    public void EncodeDeliver_TextTooLongForOnePart_Throws()
    {
        Assert.Throws<ArgumentException>(() => PduEncoder.EncodeDeliver("+1555", new string('a', 161), _scts));
        Assert.Throws<ArgumentException>(() => PduEncoder.EncodeDeliver("+1555", new string('a', 154), _scts, new DeliverOptions
        {
            Concat = new ConcatInfo(1, 1, 2, Is16Bit: false),
        }));
    }

    [Theory]
    [InlineData(false, 153)]
    [InlineData(true, 152)]
    public void EncodeDeliverParts_Gsm7_FillsPartsToHeaderCapacity(bool use16Bit, int perPart)
    {
        var text = new string('a', (2 * perPart) + 1);

        var hexes = PduEncoder.EncodeDeliverParts("+1555", text, _scts, 300 % (use16Bit ? 65536 : 256), use16Bit);

        var parts = hexes.Select(h => Assert.IsType<DeliverPdu>(PduDecoder.Decode(h))).ToList();
        Assert.Equal([perPart, perPart, 1], parts.Select(p => p.Text!.Length));
        Assert.All(parts, p => Assert.Equal(use16Bit, p.Concat!.Is16Bit));
        Assert.Equal([1, 2, 3], parts.Select(p => p.Concat!.PartNumber));
        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
    }

    [Theory]
    [InlineData(false, 67)]
    [InlineData(true, 66)]
    public void EncodeDeliverParts_Ucs2_FillsPartsToHeaderCapacity(bool use16Bit, int perPart)
    {
        var text = new string('Ж', (2 * perPart) + 1);

        var hexes = PduEncoder.EncodeDeliverParts("+1555", text, _scts, 7, use16Bit);

        var parts = hexes.Select(h => Assert.IsType<DeliverPdu>(PduDecoder.Decode(h))).ToList();
        Assert.Equal([perPart, perPart, 1], parts.Select(p => p.Text!.Length));
        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void EncodeDeliverParts_ShortText_HasNoHeader()
    {
        var hex = Assert.Single(PduEncoder.EncodeDeliverParts("+1555", "short", _scts, 1));

        Assert.Null(Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex)).Concat);
    }
}

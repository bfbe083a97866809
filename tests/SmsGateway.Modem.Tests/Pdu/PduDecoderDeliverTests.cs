using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduDecoderDeliverTests
{
    [Fact]
    public void Decode_ClassicHelloHelloDeliver_ReadsEveryField()
    {
        // Classic example (dreamfabric / Wikipedia "GSM 03.40"):
        // 07 91 7283010010F5   SMSC: 7 octets, TOA 0x91 international, digits 27381000015 (F pad)
        // 04                   first octet: TP-MTI 00 DELIVER, TP-MMS set (no more messages)
        // 0B C8 7238880900F1   TP-OA: 11 digits, TOA 0xC8 = TON 100 (subscriber), NPI 1000 (national) -> 27838890001
        // 00 00                TP-PID, TP-DCS (GSM-7, no class)
        // 99309251619580       TP-SCTS 99-03-29 15:16:59, zone 0x80 -> "08" quarter hours = +02:00
        // 0A E8329BFD4697D9EC37 TP-UDL 10 septets: "hellohello"
        var pdu = Assert.IsType<DeliverPdu>(
            PduDecoder.Decode("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37"));

        Assert.Equal("+27381000015", pdu.SmscAddress);
        Assert.Equal("27838890001", pdu.Sender);
        Assert.Equal(SmsAddressType.Unknown, pdu.SenderType);
        Assert.Equal(new DateTimeOffset(1999, 3, 29, 15, 16, 59, TimeSpan.FromHours(2)), pdu.ServiceCentreTimestamp);
        Assert.Equal(TimeSpan.FromHours(2), pdu.ServiceCentreTimestamp.Offset);
        Assert.Equal(SmsDataCoding.Gsm7, pdu.Coding);
        Assert.Equal("hellohello", pdu.Text);
        Assert.Equal(10, pdu.Data.Length);
        Assert.Null(pdu.Concat);
        Assert.Equal(0, pdu.ProtocolId);
        Assert.Null(pdu.MessageClass);
        Assert.False(pdu.MoreMessagesToSend);
        Assert.False(pdu.StatusReportIndication);
    }

    [Fact]
    public void Decode_ClassicDeliverWithNegativeZone_ReadsSignBit()
    {
        // Same PDU with the zone octet changed to 0x0A: low nibble 1010 = sign bit + tens digit 2,
        // high nibble 0 = units 0 -> 20 quarter hours behind UTC = -05:00.
        var pdu = Assert.IsType<DeliverPdu>(
            PduDecoder.Decode("07917283010010F5040BC87238880900F100009930925161950A0AE8329BFD4697D9EC37"));

        Assert.Equal(new DateTimeOffset(1999, 3, 29, 15, 16, 59, TimeSpan.FromHours(-5)), pdu.ServiceCentreTimestamp);
        Assert.Equal(TimeSpan.FromHours(-5), pdu.ServiceCentreTimestamp.Offset);
    }

    [Fact]
    public void Decode_Gsm7DeliverWithInternationalSender_ReadsSenderAndText()
    {
        // python-messaging test_sms.py: SMSC +31624000000, OA 0B 91 1346610089F6 = +31641600986,
        // SCTS 02-08-26 19:37:41 with zone octet 0x08 (sign bit, zero quarters), UDL 0x0C "How are you?".
        var pdu = Assert.IsType<DeliverPdu>(
            PduDecoder.Decode("07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07"));

        Assert.Equal("+31624000000", pdu.SmscAddress);
        Assert.Equal("+31641600986", pdu.Sender);
        Assert.Equal(SmsAddressType.International, pdu.SenderType);
        Assert.Equal("How are you?", pdu.Text);
        Assert.Equal(new DateTimeOffset(2002, 8, 26, 19, 37, 41, TimeSpan.Zero), pdu.ServiceCentreTimestamp);
    }

    [Fact]
    public void Decode_DeliverWithPlusOneZone_GivesSameInstantAsReference()
    {
        // python-messaging: SCTS 90901071142340 = 09-09-01 17:41:32, zone 0x40 = +4 quarters; the library
        // reports 16:41:32 UTC. Sender 0C 91 449771624701 = +447917267410, text "  1741 bst".
        var pdu = Assert.IsType<DeliverPdu>(
            PduDecoder.Decode("0791447758100650040C914497716247010000909010711423400A2050EC468B81C4733A"));

        Assert.Equal("+447917267410", pdu.Sender);
        Assert.Equal("  1741 bst", pdu.Text);
        Assert.Equal(TimeSpan.FromHours(1), pdu.ServiceCentreTimestamp.Offset);
        Assert.Equal(new DateTime(2009, 9, 1, 16, 41, 32, DateTimeKind.Utc), pdu.ServiceCentreTimestamp.UtcDateTime);
    }

    [Fact]
    public void Decode_Ucs2Deliver_ReadsChineseText()
    {
        // python-messaging: DCS 0x08 (UCS-2), UDL 8 octets 4E2D 5174 901A 8BAF = "中兴通讯".
        var pdu = Assert.IsType<DeliverPdu>(
            PduDecoder.Decode("07914306073011F0040B914316709807F2000880604290224080084E2D5174901A8BAF"));

        Assert.Equal("+34607003110", pdu.SmscAddress);
        Assert.Equal("+34610789702", pdu.Sender);
        Assert.Equal(SmsDataCoding.Ucs2, pdu.Coding);
        Assert.Equal("中兴通讯", pdu.Text);
    }

    [Theory]
    // python-messaging "odd length" case: OA 09 D0 C6A7333904 = 9 semi-octets -> 9*4/7 = 5 septets "FONIC".
    [InlineData(
        "07919471060040340409D0C6A733390400009060920173018093CC74595C96838C4F6772085AD6DDE4320B444E9741D4B03C6D7EC3E9E9B71B9474D3CB727799DEA286CFE5B9991DA6CBC3F432E85E9793CBA0F09A9EB6A7CB72BA0B9474D3CB727799DE72D6E9FABAFB0CBAA7E56490BA4CD7D34170F91BE4ACD3F575F7794E0F9F4161F1B92C2F8FD1EE32DD054AA2E520E3D3991C82A8E5701B",
        "FONIC",
        "Lieber FONIC Kunde, die Tarifoption Internet-Tagesflatrate wurde aktiviert. Internet-Nutzung wird jetzt pro Nutzungstag abgerechnet. Ihr FONIC Team")]
    // "even length" case: OA 12 D0 ... = 18 semi-octets -> 10 septets "www.tim.it".
    [InlineData(
        "07919333852804000412D0F7FBDD454FB75D693A0000903002801153402BCD301E9F0605D9E971191483C140412A35690D52832063D2F9040599A058EE05A3BD6430580E",
        "www.tim.it",
        "Maxxi Alice 100 ATTIVATA FINO AL 19/04/2009")]
    public void Decode_AlphanumericSender_UnpacksSenderName(string hex, string sender, string text)
    {
        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex));

        Assert.Equal(sender, pdu.Sender);
        Assert.Equal(SmsAddressType.Alphanumeric, pdu.SenderType);
        Assert.Equal(text, pdu.Text);
    }

    [Fact]
    public void Decode_MultipartWithEightBitReference_ReadsConcatAndAlignsAfterHeader()
    {
        // python-messaging "weird multipart german": first octet 0x44 (UDHI + MMS), OA 05 85 2122F0 = "12220" (TON 0),
        // PID 0x39, DCS 0xF1 (GSM-7, class 1), UDH 05 00 03 19 02 01/02 (IEI 0x00, ref 25, 2 parts),
        // 1 fill bit before the text; part 1 contains '€' (escape 0x1B 0x65).
        string[] hexes =
        [
            "07919471227210244405852122F039F101506271217180A005000319020198E9B2B82C0759DFE4B0F9ED2EB7967537B9CC02B5D37450122D2FCB41EE303DFD7687D96537881A96A7CD6F383DFD7683F46134BBEC064DD36550DA0D22A7CBF3721BE42CD3F5A0198B56036DCA20B8FC0D6A0A4170767D0EAAE540433A082E7F83A6E5F93CFD76BB40D7B2DB0D9AA6CB2072BA3C2F83926EF31BE44E8FD17450BB8C9683CA",
            "07919471227210244405852122F039F1015062712181804F050003190202E4E8309B5E7683DAFC319A5E76B340F73D9A5D7683A6E93268FD9ED3CB6EF67B0E5AD172B19B2C2693C9602E90355D6683A6F0B007946E8382F5393BEC26BB00",
        ];
        string[] texts =
        [
            "Lieber Vodafone-Kunde, mit Ihrer nationalen Tarifoption zahlen Sie in diesem Netz 3,45 € pro MB plus 59 Ct pro Session. Wenn Sie diese Info nicht mehr e",
            "rhalten möchten, wählen Sie kostenlos +4917212220. Viel Spaß im Ausland.",
        ];

        for (var i = 0; i < hexes.Length; i++)
        {
            var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hexes[i]));

            Assert.Equal("12220", pdu.Sender);
            Assert.Equal(0x39, pdu.ProtocolId);
            Assert.Equal(1, pdu.MessageClass);
            Assert.Equal(texts[i], pdu.Text);
            Assert.Equal(new ConcatInfo(25, i + 1, 2, Is16Bit: false), pdu.Concat);
        }
    }

    [Fact]
    public void Decode_MultipartWithSixteenBitReference_ReadsConcat()
    {
        // Hand-built: SMSC 00 (none); 44 = DELIVER + MMS + UDHI; OA 06 91 942143 = +491234;
        // PID 00; DCS 08 (UCS-2); SCTS 42 10 51 01 03 00 40 = 24-01-15 10:30:00 +01:00;
        // UDL 0B = 7 header octets + 4 text octets; UDH 06 | 08 04 1234 02 01 (IEI 0x08, ref 0x1234, part 1 of 2);
        // text 0048 0069 = "Hi".
        const string hex = "00" + "44" + "0691942143" + "00" + "08" + "42105101030040" + "0B" + "06080412340201" + "00480069";

        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex));

        Assert.Null(pdu.SmscAddress);
        Assert.Equal("+491234", pdu.Sender);
        Assert.Equal("Hi", pdu.Text);
        Assert.Equal(new ConcatInfo(0x1234, 1, 2, Is16Bit: true), pdu.Concat);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(1)), pdu.ServiceCentreTimestamp);
    }

    [Fact]
    public void Decode_HeaderWithPortAddressingBeforeConcat_SkipsUnknownElement()
    {
        // UDH 0B | 05 04 0B84 23F0 (IEI 0x05 application ports) | 00 03 7F 03 02 (IEI 0x00 ref 127, part 2 of 3);
        // DCS 04 (8-bit), UDL 0x0E = 12 header octets + 2 data octets AA BB.
        const string hex = "00" + "44" + "0691942143" + "00" + "04" + "42105101030040" + "0E" + "0B" + "05040B8423F0" + "00037F0302" + "AABB";

        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex));

        Assert.Equal(SmsDataCoding.EightBit, pdu.Coding);
        Assert.Null(pdu.Text);
        Assert.Equal([0xAA, 0xBB], pdu.Data);
        Assert.Equal(new ConcatInfo(127, 2, 3, Is16Bit: false), pdu.Concat);
    }

    [Fact]
    public void Decode_ConcatWithPartNumberZero_IgnoresElement()
    {
        // IEI 0x00 with part 0 is invalid; TS 23.040 says to ignore the element.
        const string hex = "00" + "44" + "0691942143" + "00" + "04" + "42105101030040" + "07" + "050003010200" + "AA";

        var pdu = Assert.IsType<DeliverPdu>(PduDecoder.Decode(hex));

        Assert.Null(pdu.Concat);
        Assert.Equal([0xAA], pdu.Data);
    }
}

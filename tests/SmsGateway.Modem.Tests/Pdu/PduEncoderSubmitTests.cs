using System.Text;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduEncoderSubmitTests
{
    private static readonly SubmitOptions _plain = new() { RequestStatusReport = false, ValidityPeriod = null };

    [Fact]
    public void EncodeSubmit_ClassicHelloHello_MatchesReferencePdu()
    {
        // Classic example, decoded field by field in PduDecoderSubmitTests: VP 4 days, no SRR.
        var pdus = PduEncoder.EncodeSubmit("+46708251358", "hellohello", _plain with { ValidityPeriod = TimeSpan.FromDays(4) });

        var pdu = Assert.Single(pdus);
        Assert.Equal("0011000B916407281553F80000AA0AE8329BFD4697D9EC37", pdu.Hex);
        Assert.Equal(23, pdu.TpduLength); // 24 octets minus the SMSC length octet
        Assert.Equal((1, 1), (pdu.PartNumber, pdu.PartCount));
    }

    [Theory]
    // python-messaging test_sms.py vectors ("tested with pduspy.exe").
    [InlineData("+34616585119", "hola", false, null, "0001000B914316565811F9000004E8373B0C")]
    [InlineData("+34616585119", "hola", false, 4 * 24 * 60, "0011000B914316565811F90000AA04E8373B0C")]
    [InlineData("+34654123456", "hey yo", true, null, "0021000B914356143254F6000006E8721E947F03")]
    [InlineData("+34654123456", "Hölä", false, 4 * 24 * 60, "0011000B914356143254F60000AA04483E7B0F")]
    // 'Ç' (0x09), 'Ä' (0x5B), 'ä' (0x7B), 'ñ' (0x7D) and a trailing '@' (0x00) from the default alphabet.
    [InlineData("+34654123456", "BÄRÇA äñ@", false, null, "0001000B914356143254F6000009C2AD341104EDFB00")]
    // UCS-2 to a number without '+': TOA 0x81, DCS 08.
    [InlineData("655345678", "Русский", false, 4 * 24 * 60, "001100098156355476F80008AA0E0420044304410441043A04380439")]
    public void EncodeSubmit_PublicVectors_MatchByteForByte(string to, string text, bool srr, int? validityMinutes, string expected)
    {
        var options = new SubmitOptions
        {
            RequestStatusReport = srr,
            ValidityPeriod = validityMinutes is { } m ? TimeSpan.FromMinutes(m) : null,
        };

        var pdu = Assert.Single(PduEncoder.EncodeSubmit(to, text, options));

        Assert.Equal(expected, pdu.Hex);
        Assert.Equal((expected.Length / 2) - 1, pdu.TpduLength);
    }

    [Fact]
    public void EncodeSubmit_Ucs2Ideographs_MatchesReferenceTpdu()
    {
        // python-messaging: with SMSC 07914346466554F6 the TPDU is 01000B914316565811F9000806304253F68449 ("あ叶葉").
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("+34616585119", "あ叶葉", _plain));

        Assert.Equal("00" + "01000B914316565811F9000806304253F68449", pdu.Hex);
    }

    [Fact]
    public void EncodeSubmit_EightBitData_MatchesReferenceTpdu()
    {
        // python-messaging: TPDU 01 00 0B 81 1000000000F0 00 04 0B "Hi there..." (TON unknown, DCS 04).
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("01000000000", Encoding.ASCII.GetBytes("Hi there..."), _plain));

        Assert.Equal("00" + "01000B811000000000F000040B48692074686572652E2E2E", pdu.Hex);
    }

    [Fact]
    public void EncodeSubmit_BinaryDataOption_TakesPrecedenceOverText()
    {
        var pdu = Assert.Single(PduEncoder.EncodeSubmit(
            "01000000000", "ignored", _plain with { BinaryData = Encoding.ASCII.GetBytes("Hi there...") }));

        Assert.Equal("00" + "01000B811000000000F000040B48692074686572652E2E2E", pdu.Hex);
    }

    [Fact]
    public void EncodeSubmit_MultipartGsm7_MatchesUmtsToolsVectors()
    {
        // python-messaging test_encoding_multipart_7bit ("text encoded with umts-tools"): first octet 0x51 = SUBMIT +
        // relative VP + UDHI; UDH 05 00 03 88 03 0n (IEI 0x00, ref 0x88); UDL A0 = 7 header septets + 153 text septets;
        // 1 fill bit after the 6-octet header.
        const string text = "Or walk with Kings - nor lose the common touch, if neither foes nor loving friends can hurt you, If all men count with you, but none too much; If you can fill the unforgiving minute With sixty seconds' worth of distance run, Yours is the Earth and everything thats in it, And - which is more - you will be a Man, my son";
        string[] expected =
        [
            "005100098156355476F80000AAA00500038803019E72D03DCC5E83EE693A1AB44CBBCF73500BE47ECB41ECF7BC0CA2A3CBA0F1BBDD7EBB41F4777D8C6681D26690BB9CA6A3CB7290F95D9E83DC6F3988FDB6A7DD6790599E2EBBC973D038EC06A1EB723A28FFAEB340493328CC6683DA653768FCAEBBE9A07B9A8E06E5DF7516485CA783DC6F7719447FBF41EDFA18BD0325CDA0FCBB0E1A87DD",
            "005100098156355476F80000AAA005000388030240E6349B0DA2A3CBA0BADBFC969FD3F6B4FB0C6AA7DD757A19744DD3D1A0791A4FCF83E6E5F1DB4D9E9F40F7B79C8E06BDCD20727A4E0FBBC76590BCEE6681B2EFBA7C0E4ACF41747419540CCBE96850D84D0695ED65799E8E4EBBCF203A3A4C9F83D26E509ACE0205DD64500B7447A7C768507A0E6ABFE565500B947FD741F7349B0D129741",
            "005100098156355476F80000AA14050003880303C2A066D8CD02B5F3A0F9DB0D",
        ];

        var pdus = PduEncoder.EncodeSubmit(
            "655345678", text, _plain with { ValidityPeriod = TimeSpan.FromDays(4), ConcatReference = 0x88 });

        Assert.Equal(expected, pdus.Select(p => p.Hex));
        Assert.Equal([1, 2, 3], pdus.Select(p => p.PartNumber));
        Assert.All(pdus, p => Assert.Equal(3, p.PartCount));
        Assert.All(pdus, p => Assert.Equal((p.Hex.Length / 2) - 1, p.TpduLength));
    }

    [Fact]
    public void EncodeSubmit_ExtensionCharacters_AreEscapedAndPacked()
    {
        // "[]" = septets 1B 3C 1B 3E; packed LSB first:
        // o0 = 1B | (3C&1)<<7 = 1B; o1 = 3C>>1 | (1B&3)<<6 = 1E|C0 = DE; o2 = 1B>>2 | (3E&7)<<5 = 06|C0 = C6; o3 = 3E>>3 = 07.
        // UDL counts septets: 4.
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("+46708251358", "[]", _plain));

        Assert.Equal("0001000B916407281553F8" + "0000" + "04" + "1BDEC607", pdu.Hex);
    }

    [Fact]
    public void EncodeSubmit_Emoji_IsUcs2SurrogatePair()
    {
        // U+1F600 = UTF-16 D83D DE00; DCS 08, UDL 4 octets.
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("+46708251358", "😀", _plain));

        Assert.Equal("0001000B916407281553F8" + "0008" + "04" + "D83DDE00", pdu.Hex);
    }

    [Fact]
    public void EncodeSubmit_DefaultOptions_RequestReportWithOneDayValidity()
    {
        // 0x31 = SUBMIT + relative VP + SRR; VP 167 = 24 hours.
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("+46708251358", "hellohello"));

        Assert.Equal("0031000B916407281553F80000A70AE8329BFD4697D9EC37", pdu.Hex);
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(6, 1)] // rounded up to 10 minutes, never shorter than asked
    [InlineData(10, 1)]
    [InlineData(12 * 60, 143)]
    [InlineData(13 * 60, 145)]
    [InlineData(24 * 60, 167)]
    [InlineData(25 * 60, 168)] // 2 days is the next step
    [InlineData(2 * 24 * 60, 168)]
    [InlineData(30 * 24 * 60, 196)]
    [InlineData(35 * 24 * 60, 197)] // 5 weeks
    [InlineData(63 * 7 * 24 * 60, 255)]
    [InlineData(100 * 7 * 24 * 60, 255)]
    public void EncodeSubmit_ValidityPeriod_UsesRelativeFormat(int minutes, int expected)
    {
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("+46708251358", "a", _plain with { ValidityPeriod = TimeSpan.FromMinutes(minutes) }));

        // 00 11 00 0B 91 6407281553F8 00 00 VP: VP is the 14th octet, hex offset 26.
        Assert.Equal(expected.ToString("X2"), pdu.Hex.Substring(26, 2));
        var decoded = Assert.IsType<SubmitMessage>(PduDecoder.Decode(pdu.Hex));
        Assert.True(decoded.ValidityPeriod >= TimeSpan.FromMinutes(Math.Min(minutes, 63 * 7 * 24 * 60)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("+49 170")]
    [InlineData("Alice")]
    [InlineData("+123456789012345678901")]
    public void EncodeSubmit_BadRecipient_Throws(string to)
    {
        Assert.Throws<ArgumentException>(() => PduEncoder.EncodeSubmit(to, "hi"));
    }

    [Fact]
    public void EncodeSubmit_ForcedGsm7WithForeignText_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            PduEncoder.EncodeSubmit("+4915", "ж", new SubmitOptions { ForceCoding = SmsDataCoding.Gsm7 }));
    }

    [Fact]
    public void EncodeSubmit_ForcedUcs2ForGsmText_UsesUcs2Parts()
    {
        var pdus = PduEncoder.EncodeSubmit("+4915", new string('a', 71), new SubmitOptions { ForceCoding = SmsDataCoding.Ucs2 });

        Assert.Equal(2, pdus.Count);
        var first = Assert.IsType<SubmitMessage>(PduDecoder.Decode(pdus[0].Hex));
        Assert.Equal(SmsDataCoding.Ucs2, first.Coding);
        Assert.Equal(new string('a', 67), first.Text);
    }
}

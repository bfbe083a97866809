using SmsGateway.Core.Text;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduRoundTripTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "hello",
        new string('x', 160),
        new string('x', 161),
        new string('x', 306),
        new string('x', 307),
        new string('€', 80),
        new string('€', 81),
        new string('a', 152) + "€" + new string('b', 10),
        "All extension characters: €[]{}^~\\|\f and the rest @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà",
        new string('Ж', 70),
        new string('Ж', 71),
        new string('Ж', 134),
        new string('Ж', 135),
        new string('a', 66) + "😀" + "tail",
        string.Concat(Enumerable.Repeat("Привет 😀 ", 40)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void EncodeSubmitThenDecode_Text_GivesSameRecipientTextAndParts(string text)
    {
        var expectedParts = SmsTextAnalyzer.Split(text);

        var pdus = PduEncoder.EncodeSubmit("+46708251358", text, new SubmitOptions { ConcatReference = 0xAB });

        Assert.Equal(SmsTextAnalyzer.Analyze(text).Segments, pdus.Count);
        var decoded = pdus.Select(p => Assert.IsType<SubmitMessage>(PduDecoder.Decode(p.Hex))).ToList();
        Assert.Equal(expectedParts, decoded.Select(d => d.Text));
        Assert.All(decoded, d => Assert.Equal("+46708251358", d.Recipient));
        Assert.All(decoded, d => Assert.True(d.StatusReportRequested));
        Assert.All(decoded, d => Assert.Equal(TimeSpan.FromDays(1), d.ValidityPeriod));
        if (pdus.Count == 1)
        {
            Assert.Null(decoded[0].Concat);
        }
        else
        {
            Assert.Equal(
                Enumerable.Range(1, pdus.Count).Select(n => new ConcatInfo(0xAB, n, pdus.Count, Is16Bit: false)),
                decoded.Select(d => d.Concat));
        }

        Assert.All(pdus, p => Assert.Equal((p.Hex.Length / 2) - 1, p.TpduLength));
        Assert.All(pdus, p => Assert.True(p.TpduLength <= 164)); // the largest SMS-SUBMIT TPDU with relative VP
    }

    [Fact]
    public void EncodeSubmitThenDecode_LongBinary_SplitsAt134Octets()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        var pdus = PduEncoder.EncodeSubmit("+46708251358", data);

        var decoded = pdus.Select(p => Assert.IsType<SubmitMessage>(PduDecoder.Decode(p.Hex))).ToList();
        Assert.Equal([134, 134, 32], decoded.Select(d => d.Data.Length));
        Assert.Equal(data, decoded.SelectMany(d => d.Data));
        Assert.All(decoded, d => Assert.Equal(SmsDataCoding.EightBit, d.Coding));
    }

    [Fact]
    public void EncodeSubmit_ExactlyOnePartOfBinary_HasNoHeader()
    {
        var pdu = Assert.Single(PduEncoder.EncodeSubmit("+46708251358", new byte[140]));

        Assert.Null(Assert.IsType<SubmitMessage>(PduDecoder.Decode(pdu.Hex)).Concat);
    }
}

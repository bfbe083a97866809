using System.Diagnostics;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

public class PduDecoderRobustnessTests
{
    private const string ClassicDeliver = "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37";

    private static readonly string[] _seeds =
    [
        ClassicDeliver,
        "0011000B916407281553F80000AA0AE8329BFD4697D9EC37",
        "07914306073011F006270B913426565711F7012081111345400120811174054043",
        "07919333852804000412D0F7FBDD454FB75D693A0000903002801153402BCD301E9F0605D9E971191483C140412A35690D52832063D2F9040599A058EE05A3BD6430580E",
        "07919471227210244405852122F039F1015062712181804F050003190202E4E8309B5E7683DAFC319A5E76B340F73D9A5D7683A6E93268FD9ED3CB6EF67B0E5AD172B19B2C2693C9602E90355D6683A6F0B007946E8382F5393BEC26BB00",
        "00" + "44" + "0691942143" + "00" + "08" + "42105101030040" + "0B" + "06080412340201" + "00480069",
        "00" + "44" + "0691942143" + "00" + "04" + "42105101030040" + "0E" + "0B" + "05040B8423F0" + "00037F0302" + "AABB",
    ];

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("0", "odd number")]
    [InlineData("07917283010010F5040BC8723888090", "ends inside TP-OA")] // an odd digit count: the half octet is dropped
    [InlineData("0004FF91", "at most 20")] // 255 semi-octets announced
    [InlineData("0791ZZ", "non-hex")]
    [InlineData("07917283010010", "ends inside")] // SMSC length overruns
    [InlineData("00", "ends inside first octet")]
    [InlineData("0004", "ends inside TP-OA")]
    [InlineData("00040B91", "ends inside TP-OA")] // 11 digits announced, none there
    [InlineData("07917283010010F5030BC87238880900F1", "reserved")] // TP-MTI 11
    [InlineData("07917283010010F5040BC87238880900F10000993092516195", "ends inside TP-SCTS")]
    [InlineData("07917283010010F5040BC87238880900F10000991392516195800AE8329BFD4697D9EC37", "not a valid date")] // month 31
    [InlineData("07917283010010F5040BC87238880900F100009930925161A5800AE8329BFD4697D9EC37", "non-decimal")]
    [InlineData("0044069194214300044210510103004002" + "05AA", "overruns user data")] // UDHL 5 > UDL 2
    [InlineData("0044069194214300044210510103004004" + "03000301", "overruns the user data header")] // IE length 3 > 2 left
    [InlineData("0044069194214300004210510103004007" + "0605040B8423F0", "septets")] // GSM-7: 7-octet header = 8 septets > UDL 7
    [InlineData("0004069194214300084210510103004003" + "004100", "odd number of octets")] // UCS-2 with 3 octets
    public void Decode_MalformedPdu_ThrowsPduFormatExceptionSayingWhy(string hex, string messagePart)
    {
        var ex = Assert.Throws<PduFormatException>(() => PduDecoder.Decode(hex));

        Assert.Contains(messagePart, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void Decode_NullInput_ThrowsPduFormatException()
    {
        Assert.Throws<PduFormatException>(() => PduDecoder.Decode(null!));
    }

    [Fact]
    public void Decode_SurroundingWhiteSpaceAndLowerCase_IsAccepted()
    {
        var pdu = PduDecoder.Decode("  " + ClassicDeliver.ToLowerInvariant() + "\r\n");

        Assert.Equal("hellohello", Assert.IsType<DeliverPdu>(pdu).Text);
    }

    [Fact]
    public void TryDecode_MalformedPdu_ReturnsFalseWithError()
    {
        Assert.False(PduDecoder.TryDecode("00", includesSmsc: true, out var pdu, out var error));
        Assert.Null(pdu);
        Assert.NotNull(error);
        Assert.True(PduDecoder.TryDecode(ClassicDeliver, includesSmsc: true, out pdu, out error));
        Assert.IsType<DeliverPdu>(pdu);
        Assert.Null(error);
    }

    [Fact]
    public void Decode_ThousandsOfRandomAndMutatedPdus_OnlyEverThrowsPduFormatException()
    {
        var random = new Random(20240601);
        var stopwatch = Stopwatch.StartNew();
        var decoded = 0;

        for (var i = 0; i < 6000; i++)
        {
            var hex = (i % 3) switch
            {
                0 => RandomHex(random),
                1 => Mutate(random, _seeds[random.Next(_seeds.Length)]),
                _ => Convert.ToHexString(Truncate(random, Convert.FromHexString(_seeds[random.Next(_seeds.Length)]))),
            };

            try
            {
                PduDecoder.Decode(hex, includesSmsc: random.Next(2) == 0);
                decoded++;
            }
            catch (PduFormatException ex)
            {
                // An inner exception means the safety net caught a bug in a bounds check.
                Assert.True(ex.InnerException is null, $"Unchecked failure for {hex}: {ex.InnerException}");
            }
        }

        stopwatch.Stop();
        Assert.InRange(decoded, 1, 5999);
        // Typically a few tens of milliseconds; the bound leaves room for a busy build machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"Fuzzing took {stopwatch.Elapsed}.");
    }

    private static string RandomHex(Random random)
    {
        var octets = new byte[random.Next(0, 200)];
        random.NextBytes(octets);
        var hex = Convert.ToHexString(octets);
        return random.Next(20) switch
        {
            0 => hex + "A", // odd length
            1 => hex + "G1", // non-hex
            _ => hex,
        };
    }

    private static string Mutate(Random random, string seed)
    {
        var octets = Convert.FromHexString(seed);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(octets.Length);
            octets[at] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)(octets[at] ^ (1 << random.Next(8))),
                _ => (byte)(octets[at] + random.Next(-3, 4)),
            };
        }

        return Convert.ToHexString(octets);
    }

    private static byte[] Truncate(Random random, byte[] octets) => octets[..random.Next(octets.Length + 1)];
}

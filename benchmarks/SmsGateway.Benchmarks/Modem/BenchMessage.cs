using System.Globalization;
using System.Text;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>One SMS of the benchmarks' workload.</summary>
/// <param name="To">A German mobile number, one per message (the SIM's home country, so no policy refuses it).</param>
/// <param name="Text">ASCII (GSM 7-bit) or Polish (UCS-2) text.</param>
/// <param name="Unicode">Whether the text needs UCS-2.</param>
internal sealed record BenchMessage(string To, string Text, bool Unicode)
{
    /// <summary>
    /// A repeatable mix, per ten messages: six single-part, two of two parts, one of three parts (GSM 7-bit) and
    /// one UCS-2 message of two parts: 15 parts per 10 messages.
    /// </summary>
    /// <param name="count">How many messages.</param>
    /// <param name="first">The index of the first: a later batch with another <paramref name="first"/> goes to other numbers.</param>
    public static IReadOnlyList<BenchMessage> Mix(int count, int first = 0) =>
        [.. Enumerable.Range(first, count).Select(Create)];

    /// <summary>The number of parts of <paramref name="messages"/>, as 3GPP TS 23.040 splits them (153 / 67 per part).</summary>
    public static int Parts(IEnumerable<BenchMessage> messages) => messages.Sum(m => m.Unicode
        ? (m.Text.Length <= 70 ? 1 : (m.Text.Length + 66) / 67)
        : (m.Text.Length <= 160 ? 1 : (m.Text.Length + 152) / 153));

    private static BenchMessage Create(int index)
    {
        var to = "+49151" + (20_000_000 + index).ToString(CultureInfo.InvariantCulture);
        var head = $"Benchmark message {index}: ";
        return (index % 10) switch
        {
            6 or 7 => new BenchMessage(to, Fill(head, "the quick brown fox jumps over the lazy dog ", 250), false),
            8 => new BenchMessage(to, Fill(head, "pack my box with five dozen liquor jugs ", 400), false),
            9 => new BenchMessage(to, Fill(head, "zażółć gęślą jaźń ", 110), true),
            _ => new BenchMessage(to, Fill(head, "your code is ", 40 + (index % 6 * 20)), false),
        };
    }

    private static string Fill(string head, string filler, int length)
    {
        var text = new StringBuilder(head);
        while (text.Length < length)
        {
            text.Append(filler);
        }

        return text.ToString(0, length).TrimEnd();
    }
}

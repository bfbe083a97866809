using System.Diagnostics;
using System.IO.Ports;
using System.Text;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// The floor of scenario 1 (issue 19): the least a sender can do over the same pty — each part's <c>AT+CMGS</c>
/// written the moment the previous final result code arrived, the PDU the moment the prompt arrived, nothing
/// stored, nothing checked. No queue, no database, no retries. What the gateway achieves over this is the
/// share of the line's round trips it adds.
/// </summary>
internal static class FloorClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Sends every part of <paramref name="messages"/> back to back; returns the timestamp of the first write.</summary>
    public static long SendAll(string port, IReadOnlyList<BenchMessage> messages)
    {
        var parts = messages.SelectMany(m => PduEncoder.EncodeSubmit(m.To, m.Text)).ToList();
        using var serial = new SerialPort(port, 115200, Parity.None, 8, StopBits.One)
        {
            ReadTimeout = (int)Timeout.TotalMilliseconds,
            WriteTimeout = (int)Timeout.TotalMilliseconds,
            Encoding = Encoding.ASCII,
        };
        serial.Open();
        serial.DiscardInBuffer();
        Command(serial, "ATE0\r", "OK\r\n");
        Command(serial, "AT+CMGF=0\r", "OK\r\n");
        var first = Stopwatch.GetTimestamp();
        foreach (var part in parts)
        {
            Command(serial, $"AT+CMGS={part.TpduLength}\r", "> ");
            Command(serial, part.Hex + "\x1A", "OK\r\n");
        }

        return first;
    }

    // Writes, then reads until the answer ends with what the sender waits for (an ERROR is a broken run).
    private static void Command(SerialPort serial, string command, string until)
    {
        serial.Write(command);
        var answer = new StringBuilder();
        var buffer = new byte[256];
        while (!answer.ToString().EndsWith(until, StringComparison.Ordinal))
        {
            var read = serial.BaseStream.Read(buffer, 0, buffer.Length);
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            if (answer.ToString().Contains("ERROR", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The simulator answered {command.Trim()} with {answer.ToString().Trim()}");
            }
        }
    }
}

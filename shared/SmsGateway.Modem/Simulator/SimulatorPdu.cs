using System.Globalization;

namespace SmsGateway.Modem.Simulator;

/// <summary>Small checks on PDU hex that a modem makes before it decodes anything.</summary>
internal static class SimulatorPdu
{
    /// <summary>Octets after the service centre address, or -1 when the hex is malformed.</summary>
    public static int TpduLength(string hex)
    {
        if (hex.Length < 2 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            return -1;
        }

        var smscLength = int.Parse(hex.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var tpdu = (hex.Length / 2) - 1 - smscLength;
        return tpdu > 0 ? tpdu : -1;
    }
}

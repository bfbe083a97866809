using SmsGateway.Core.Modem;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>Reads identity and radio state; every query is optional because modems differ in what they answer.</summary>
internal static class ModemStatusReader
{
    public static async Task<ModemStatus> ReadIdentityAsync(ModemSession session, ModemStatus status, CancellationToken cancellationToken) =>
        status with
        {
            Manufacturer = await IdentityAsync(session, "AT+CGMI", cancellationToken),
            Model = await IdentityAsync(session, "AT+CGMM", cancellationToken),
            Revision = await IdentityAsync(session, "AT+CGMR", cancellationToken),
            Imei = await IdentityAsync(session, "AT+CGSN", cancellationToken),
            Imsi = await IdentityAsync(session, "AT+CIMI", cancellationToken),
            SmscAddress = AtValueParser.Text(AtValueParser.Fields((await session.TryExecuteAsync("AT+CSCA?", cancellationToken))?.ValueOf("+CSCA:")), 0),
        };

    public static async Task<ModemStatus> ReadRadioAsync(ModemSession session, ModemStatus status, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var csq = await session.TryExecuteAsync("AT+CSQ", cancellationToken);
        var creg = await session.TryExecuteAsync("AT+CREG?", cancellationToken);
        var cops = await session.TryExecuteAsync("AT+COPS?", cancellationToken);
        var registration = AtValueParser.Registration(creg?.ValueOf("+CREG:"), unsolicited: false);
        return status with
        {
            SignalDbm = AtValueParser.SignalDbm(csq?.ValueOf("+CSQ:")),
            Registered = registration?.Registered ?? false,
            Roaming = registration?.Roaming ?? false,
            Operator = AtValueParser.Operator(cops?.ValueOf("+COPS:")),
            UpdatedAt = timeProvider.GetUtcNow(),
        };
    }

    /// <summary>Applies radio URCs (<c>+CREG: stat</c>, Huawei <c>^RSSI: n</c>) to the status; other URCs leave it as is.</summary>
    public static ModemStatus Apply(AtUrc urc, ModemStatus status, TimeProvider timeProvider)
    {
        switch (urc.Name.ToUpperInvariant())
        {
            case "+CREG" when AtValueParser.Registration(urc.Value, unsolicited: true) is { } registration:
                return status with { Registered = registration.Registered, Roaming = registration.Roaming, UpdatedAt = timeProvider.GetUtcNow() };
            case "^RSSI":
                return status with { SignalDbm = AtValueParser.RssiToDbm(AtValueParser.Int(AtValueParser.Fields(urc.Value), 0)), UpdatedAt = timeProvider.GetUtcNow() };
            default:
                return status;
        }
    }

    private static async Task<string?> IdentityAsync(ModemSession session, string command, CancellationToken cancellationToken)
    {
        var response = await session.TryExecuteAsync(command, cancellationToken);
        return response is null ? null : AtValueParser.Identity(response.Lines, command[2..] + ":");
    }
}

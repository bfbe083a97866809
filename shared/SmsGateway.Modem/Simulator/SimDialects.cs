namespace SmsGateway.Modem.Simulator;

/// <summary>The dialects the simulator speaks, by the name <c>Modem:Simulator:Dialect</c> takes.</summary>
public static class SimDialects
{
    public const string Standard = "standard";

    private static readonly Dictionary<string, SimDialect> ByName = new SimDialect[]
    {
        new() { Name = Standard },

        // Huawei E1752/E173 sticks: ^BOOT at start, ^RSSI/^MODE radio noise, ^RSSI written after the prompt.
        new()
        {
            Name = "huawei",
            Identity = ("huawei", "E173", "11.126.85.00.209"),
            StartupLines = ["^BOOT:20876513,0,0,0,75", "^MODE:5,4", "^RSSI:17"],
            LineAfterPrompt = "^RSSI:17",
            NoiseAfterSend = ["^MODE:3,3", "^RSSI:15"],
        },

        // Wavecom Multiband: AT+CPIN? gives "+CPIN: READY" and never OK.
        new()
        {
            Name = "wavecom",
            Identity = ("WAVECOM MODEM", "MULTIBAND  900E  1800", "641b09gg.Q2403A 1320676 061804 14:38"),
            ReadsWithoutOk = new HashSet<string> { "+CPIN" },
            StartupLines = ["+WIND: 4"],
        },

        // ZTE MF sticks: +ZPASR/+ZDONR lines around the prompt.
        new()
        {
            Name = "zte",
            Identity = ("ZTE INCORPORATED", "MF110", "BD_P673A2V1.0.0B09"),
            StartupLines = ["+ZPASR: \"UMTS\"", "+ZDONR: \"T-Mobile\",262,1,\"PS_ONLY\",\"ACTIVE\""],
            LinesBeforePrompt = ["+ZPASR: \"UMTS\""],
            LineAfterPrompt = "+ZDONR: \"T-Mobile\",262,1,\"CS_PS\",\"ACTIVE\"",
        },

        // SIMCom SIM800: RDY, Call Ready and SMS Ready banners after power-up.
        new()
        {
            Name = "sim800",
            Identity = ("SIMCOM_Ltd", "SIMCOM_SIM800", "Revision:1418B04SIM800C24"),
            StartupLines = ["RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"],
        },

        // Quectel EC25: RDY, +QUSIM and +QIND banners.
        new()
        {
            Name = "quectel",
            Identity = ("Quectel", "EC25", "EC25EFAR06A06M4G"),
            StartupLines = ["RDY", "+QUSIM: 1", "+CFUN: 1", "+CPIN: READY", "+QIND: SMS DONE", "+QIND: PB DONE"],
        },

        // A Nokia phone in AT mode: no +CNMI, no +CPMS, no USSD over AT; PDU mode and AT+CMGL work.
        new()
        {
            Name = "nokia",
            Identity = ("Nokia", "Nokia 6230i", "V 03.88"),
            Refused = new HashSet<string> { "+CNMI", "+CPMS", "+CUSD", "+CMMS" },
            HasUssd = false,
        },

        // A modem that answers "COMMAND NOT SUPPORT" instead of ERROR, and takes AT+CPMS with two storages at most.
        new()
        {
            Name = "notsupport",
            Identity = ("ZTE CORPORATION", "AC2736", "AC2736V1.0.0B05"),
            ErrorText = "COMMAND NOT SUPPORT",
            Refused = new HashSet<string> { "+CMEE", "+CMMS" },
            CpmsTakesAtMostTwo = true,
        },
    }.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every dialect name, as <c>Modem:Simulator:Dialect</c> accepts them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    /// <summary>The dialect called <paramref name="name"/> (case-insensitive); null when there is none.</summary>
    public static SimDialect? Find(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var dialect) ? dialect : null;
}

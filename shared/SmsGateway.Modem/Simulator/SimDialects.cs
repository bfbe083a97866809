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

        // Wavecom Multiband 900E/1800: AT+CPIN? gives "+CPIN: READY" and never OK; AT+CPMS takes two storages at most.
        new()
        {
            Name = "wavecom",
            Identity = ("WAVECOM MODEM", "MULTIBAND  900E  1800", "641b09gg.Q2403A 1320676 061804 14:38"),
            ReadsWithoutOk = new HashSet<string> { "+CPIN" },
            CpmsTakesAtMostTwo = true,
            StartupLines = ["+WIND: 4"],
        },

        // ZTE MF sticks: +ZPASR/+ZDONR lines around the prompt.
        new()
        {
            Name = "zte",
            Identity = ("ZTE INCORPORATED", "MF110", "BD_P673A2V1.0.0B09"),
            StartupLines = ["+ZDONR: \"Not Found\"", "+ZPASR: \"Limited Service\"", "+ZDONR: \"Orange\",234,33,\"CS_ONLY\",\"ROAM_OFF\"", "+ZPASR: \"UMTS\""],
            LinesBeforePrompt = ["+ZPASR: \"UMTS\""],
            LineAfterPrompt = "+ZDONR: \"Orange\",234,33,\"CS_PS\",\"ROAM_OFF\"",
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

        // A Nokia phone in AT mode (N79, N95): no +CNMI, no +CPMS, no USSD over AT; PDU mode and AT+CMGL work.
        new()
        {
            Name = "nokia",
            Identity = ("Nokia", "Nokia N79", "V ICPR72_08w44.1"),
            Refused = new HashSet<string> { "+CNMI", "+CPMS", "+CUSD", "+CMMS" },
            HasUssd = false,
        },

        // Huawei E1752: answers "COMMAND NOT SUPPORT" instead of ERROR to what it lacks (here AT+CMMS, which the driver
        // tries before a multipart send and can do without).
        new()
        {
            Name = "notsupport",
            Identity = ("huawei", "E1752", "11.126.13.00.00"),
            ErrorText = "COMMAND NOT SUPPORT",
            Refused = new HashSet<string> { "+CMMS" },
        },
    }.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every dialect name, as <c>Modem:Simulator:Dialect</c> accepts them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    /// <summary>The dialect called <paramref name="name"/> (case-insensitive); null when there is none.</summary>
    public static SimDialect? Find(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var dialect) ? dialect : null;
}

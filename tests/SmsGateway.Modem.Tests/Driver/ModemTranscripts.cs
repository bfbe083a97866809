using SmsGateway.Modem.Tests.At;

namespace SmsGateway.Modem.Tests.Driver;

/// <summary>Recorded answers of real modems, as building blocks of driver transcripts.</summary>
public static class ModemTranscripts
{
    public const string Ok = "\r\nOK\r\n";

    /// <summary>A Huawei E3372 after power-up: echo on, SIM ready, registered at home.</summary>
    public static ScriptedModemStream ExpectInit(this ScriptedModemStream modem, string cpin = "READY") =>
        modem.ExpectSetup(cpin).ExpectIdentityAndStatus().Expect("AT+CMGL=4", Ok);

    public static ScriptedModemStream ExpectSetup(this ScriptedModemStream modem, string cpin = "READY") =>
        modem
            .Expect("AT", "AT\r", Ok)
            .Expect("ATE0", "ATE0\r", Ok)
            .Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", $"\r\n+CPIN: {cpin}\r\n", Ok)
            .ExpectConfiguration();

    public static ScriptedModemStream ExpectConfiguration(this ScriptedModemStream modem) =>
        modem
            .Expect("AT+CMGF=0", Ok)
            .Expect("AT+CNMI=2,1,0,2,0", Ok)
            .Expect("AT+CPMS=\"SM\",\"SM\",\"SM\"", "\r\n+CPMS: 0,50,0,50,0,50\r\n", Ok);

    public static ScriptedModemStream ExpectIdentityAndStatus(this ScriptedModemStream modem) =>
        modem
            .Expect("AT+CGMI", "\r\nhuawei\r\n", Ok)
            .Expect("AT+CGMM", "\r\nE3372\r\n", Ok)
            .Expect("AT+CGMR", "\r\n21.180.01.00.00\r\n", Ok)
            .Expect("AT+CGSN", "\r\n867223021234567\r\n", Ok)
            .Expect("AT+CIMI", "\r\n262011234567890\r\n", Ok)
            .Expect("AT+CSCA?", "\r\n+CSCA: \"+491710760000\",145\r\n", Ok)
            .Expect("AT+CSQ", "\r\n+CSQ: 20,99\r\n", Ok)
            .Expect("AT+CREG?", "\r\n+CREG: 0,1\r\n", Ok)
            .Expect("AT+COPS?", "\r\n+COPS: 0,0,\"Telekom.de\",2\r\n", Ok);
}

namespace SmsGateway.Modem.Simulator;

/// <summary>Verbose texts for <c>AT+CMEE=2</c> (3GPP TS 27.007 §9.2, TS 27.005 §3.2.5), as far as the simulator uses them.</summary>
internal static class SimErrorTexts
{
    public const int CmeOperationNotAllowed = 3;
    public const int CmeOperationNotSupported = 4;
    public const int CmeSimPinRequired = 11;
    public const int CmeIncorrectPassword = 16;
    public const int CmeInvalidIndex = 21;
    public const int CmeNotFound = 22;
    public const int CmeInvalidCharacters = 25;
    public const int CmeNoNetwork = 30;
    public const int CmsOperationNotAllowed = 302;
    public const int CmsOperationNotSupported = 303;
    public const int CmsInvalidPduParameter = 304;
    public const int CmsSimPinRequired = 311;
    public const int CmsMemoryFailure = 320;
    public const int CmsInvalidMemoryIndex = 321;
    public const int CmsMemoryFull = 322;
    public const int CmsNoNetworkService = 331;
    public const int CmsUnknownError = 500;

    public static string Cme(int code) => code switch
    {
        CmeOperationNotAllowed => "operation not allowed",
        CmeOperationNotSupported => "operation not supported",
        CmeSimPinRequired => "SIM PIN required",
        CmeIncorrectPassword => "incorrect password",
        CmeInvalidIndex => "invalid index",
        CmeNotFound => "not found",
        CmeInvalidCharacters => "invalid characters in text string",
        CmeNoNetwork => "no network service",
        _ => "unknown",
    };

    public static string Cms(int code) => code switch
    {
        CmsOperationNotAllowed => "operation not allowed",
        CmsOperationNotSupported => "operation not supported",
        CmsInvalidPduParameter => "invalid PDU mode parameter",
        CmsSimPinRequired => "SIM PIN required",
        CmsMemoryFailure => "memory failure",
        CmsInvalidMemoryIndex => "invalid memory index",
        CmsMemoryFull => "memory full",
        CmsNoNetworkService => "no network service",
        CmsUnknownError => "unknown error",
        _ => "unknown error",
    };
}

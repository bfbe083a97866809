namespace SmsGateway.Modem.Simulator;

/// <summary>The final result codes the simulated modem can give.</summary>
internal enum SimAtFinal
{
    Ok,
    Error,
    CmeError,
    CmsError,

    /// <summary>Nothing is written.</summary>
    None,
}

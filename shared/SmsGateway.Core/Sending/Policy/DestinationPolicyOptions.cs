namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// Where the gateway may send (section <c>Sms</c>, beside <see cref="Options.SmsOptions"/>): the defence
/// against SMS pumping, where someone with access makes the gateway send to expensive numbers.
/// </summary>
public sealed class DestinationPolicyOptions
{
    public const string SectionName = "Sms";

    /// <summary>
    /// Country calling codes that may be sent to (<c>["49", "43"]</c>), or <c>["*"]</c> for all. Empty:
    /// only the SIM's home country (from the modem's IMSI), and all countries until the modem has reported one.
    /// </summary>
    public string[] AllowedCountryCodes { get; set; } = [];

    /// <summary>Allow premium-rate and shared-cost numbers (refused by default).</summary>
    public bool AllowPremium { get; set; }

    /// <summary>The most SMS one number may be sent in an hour; 0 turns the limit off.</summary>
    public int PerDestinationPerHour { get; set; } = 20;
}

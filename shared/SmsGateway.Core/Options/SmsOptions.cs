using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Core.Options;

/// <summary>Limits and defaults for accepted messages (section <c>Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary>Two-letter region (e.g. <c>DE</c>) used to read numbers given without a country code.</summary>
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "must be a two-letter region code such as DE or US")]
    public string? DefaultRegion { get; set; }

    /// <summary>The most SMS parts one message may need.</summary>
    [Range(1, 255)]
    public int MaxSegments { get; set; } = 10;

    /// <summary>The most destinations one message may have.</summary>
    [Range(1, 1000)]
    public int MaxDestinations { get; set; } = 100;
}

using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>How received SMS are reassembled (section <c>Inbound</c>).</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    /// <summary>How long after its first part a multipart SMS waits for the rest before it is released incomplete.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ReassemblyTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one <see cref="IInboundMessageListener"/> may take before it is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ListenerTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

using System.Text.RegularExpressions;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// Picks the agent an SMS is pinned to: the route with the longest prefix of the destination number, or none
/// (the message then goes to the shared <c>sms</c> subscription that every agent may read).
/// </summary>
public sealed partial class AgentRouter
{
    private readonly AgentRoute[] _routes;

    public AgentRouter(IEnumerable<AgentRoute> routes)
    {
        _routes = routes.OrderByDescending(r => r.Prefix.Length).ToArray();
    }

    public static AgentRouter None { get; } = new([]);

    /// <summary>The agent for <paramref name="to"/>, or null for the shared subscription.</summary>
    public string? Route(string to) =>
        _routes.FirstOrDefault(r => to.StartsWith(r.Prefix, StringComparison.Ordinal))?.AgentId;

    /// <summary>
    /// Problems with <paramref name="routes"/>, each naming its key. The agent id ends up inside a SQL filter
    /// literal and a subscription name, so its alphabet is strict.
    /// </summary>
    public static IEnumerable<string> Validate(IList<AgentRoute> routes)
    {
        for (var i = 0; i < routes.Count; i++)
        {
            var key = $"{ServiceBusQueueOptions.SectionName}:{nameof(ServiceBusQueueOptions.Routes)}:{i}";
            if (!PrefixPattern().IsMatch(routes[i].Prefix))
            {
                yield return $"{key}:Prefix is invalid ('{routes[i].Prefix}'): must be + and 1 to 15 digits, e.g. +49";
            }

            if (!AgentIdPattern().IsMatch(routes[i].AgentId))
            {
                yield return $"{key}:AgentId is invalid ('{routes[i].AgentId}'): must be 1 to 40 lowercase letters, digits or dashes";
            }
        }

        foreach (var duplicate in routes.GroupBy(r => r.Prefix, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"{ServiceBusQueueOptions.SectionName}:{nameof(ServiceBusQueueOptions.Routes)} has prefix {duplicate.Key} more than once";
        }
    }

    [GeneratedRegex(@"^\+[0-9]{1,15}$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex AgentIdPattern();
}

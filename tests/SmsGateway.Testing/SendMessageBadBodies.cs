namespace SmsGateway.Testing;

/// <summary>
/// The bad bodies of <c>POST /api/messages</c> and the field each answer must name: one list for both hosts (the
/// standalone agent and the Functions), since they serve the same contract.
/// </summary>
public static class SendMessageBadBodies
{
    public static TheoryData<string, string> All => new()
    {
        { "{\"to\": [\"+4915112345678\"], \"text\": ", "body" },
        { "not json at all", "body" },
        { "null", "body" },
        { "{\"to\": \"+4915112345678\", \"text\": \"Hi\"}", "to" },
        { "{\"to\": [4915112345678], \"text\": \"Hi\"}", "to" },
        { "{\"to\": [\"+4915112345678\"], \"text\": 42}", "text" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"Hi\", \"priority\": \"urgent\"}", "priority" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"Hi\", \"priority\": 1}", "priority" },
        { "{\"to\": [], \"text\": \"Hi\"}", "to" },
        { "{\"text\": \"Hi\"}", "to" },
        { "{\"to\": [\"+4915112345678\"]}", "text" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"\"}", "text" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"   \"}", "text" },
        { "{\"to\": [\"12345\"], \"text\": \"Hi\"}", "to[0]" },
        { "{\"to\": [\"+4915112345678\", \"+999\"], \"text\": \"Hi\"}", "to[1]" },
        { "{\"to\": [\"015112345678\"], \"text\": \"Hi\"}", "to[0]" },
        { "{\"to\": [null], \"text\": \"Hi\"}", "to[0]" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"Hi\", \"sendAt\": \"2027-01-01T09:00:00Z\"}", "sendAt" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"Hi\", \"from\": \"x\"}", "from" },
        { "{\"to\": [\"+4915112345678\"], \"txt\": \"Hi\"}", "txt" },
        { "{\"to\": [\"+4915112345678\"], \"text\": \"Hi\", \"text\": \"again\"}", "text" },
    };
}

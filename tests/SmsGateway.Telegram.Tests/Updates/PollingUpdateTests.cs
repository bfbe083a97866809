using SmsGateway.Core.Domain;
using SmsGateway.Telegram.Tests.Support;
using SmsGateway.Testing.Telegram;
using static SmsGateway.Telegram.Tests.Support.BridgeHost;

namespace SmsGateway.Telegram.Tests.Updates;

/// <summary>Updates arriving by long polling from the fake Bot API, in the documented shapes, and what the bridge does with each.</summary>
public sealed class PollingUpdateTests : BridgeTest
{
    private string LastText(long chatId) => Api.SentTexts(chatId)[^1];

    [Fact]
    public async Task SmsCommand_QueuesTheSmsAsTelegramOriginAndAnswersWithItsId()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/sms +4915112345678 Hello from Telegram ✓"));

        var calls = await SentToAsync(ChatA);

        var message = Assert.Single(await Bridge.StoredMessagesAsync());
        Assert.Equal("Hello from Telegram ✓", message.Text);
        Assert.Equal("+4915112345678", message.Destinations[0].Address);
        Assert.Equal(MessageOrigin.Telegram, message.Origin);
        Assert.Equal($"telegram:{ChatA}:10", message.OriginContext);
        var answer = calls.Last(c => c.Method == "sendMessage");
        Assert.Contains(message.Id, answer.Text);
        Assert.Contains("+49 1511 2345678", answer.Text);
        Assert.Contains("queued", answer.Text);
        Assert.Equal(10, answer.Body.GetProperty("reply_parameters").GetProperty("message_id").GetInt32());
    }

    [Fact]
    public async Task SmsCommand_WhenTheSmsIsSentThenDelivered_EditsTheAnswer()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/sms@sms_gateway_test_bot +4915112345678 Hi"));
        var answer = (await SentToAsync(ChatA)).Last(c => c.Method == "sendMessage");
        var id = Assert.Single(await Bridge.StoredMessagesAsync()).Id;

        await Bridge.MoveToAsync(id, DestinationStatus.Sending, DestinationStatus.Sent);
        var edits = await Api.WaitForAsync(calls => calls.Any(c => c.Method == "editMessageText" && c.Text!.Contains("✅ sent")));
        await Bridge.MoveToAsync(id, DestinationStatus.Delivered);
        edits = await Api.WaitForAsync(calls => calls.Any(c => c.Method == "editMessageText" && c.Text!.Contains("delivered")));

        Assert.Contains("queued", answer.Text);
        Assert.All(edits.Where(c => c.Method == "editMessageText"), e =>
        {
            Assert.Equal(ChatA, e.ChatId);
            Assert.Equal(answer.ResultMessageId, e.Body.GetProperty("message_id").GetInt32());
        });
    }

    [Fact]
    public async Task SmsCommand_WhenTheSmsFails_TheAnswerShowsWhy()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/sms +4915112345678 Hi"));
        await SentToAsync(ChatA);
        var id = Assert.Single(await Bridge.StoredMessagesAsync()).Id;

        await Bridge.MoveToAsync(id, DestinationStatus.Sending, DestinationStatus.Failed);

        var calls = await Api.WaitForAsync(calls => calls.Any(c => c.Method == "editMessageText"));
        Assert.Contains("❌ failed — PermanentError", calls.Single(c => c.Method == "editMessageText").Text);
    }

    [Fact]
    public async Task SmsCommand_WithAnInvalidNumber_ShowsIntakesErrorAndStoresNothing()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/sms 12345 Hello"));

        await SentToAsync(ChatA);

        Assert.StartsWith("❌ Not sent:\n• number: '12345' has no country code", LastText(ChatA));
        Assert.Empty(await Bridge.StoredMessagesAsync());
    }

    [Fact]
    public async Task SmsCommand_WithoutText_ShowsUsage()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/sms"));

        await SentToAsync(ChatA);

        Assert.StartsWith("Usage: /sms <number> <text>", LastText(ChatA));
        Assert.Empty(await Bridge.StoredMessagesAsync());
    }

    [Fact]
    public async Task ReplyToAForwardedSms_SendsAnSmsToItsSender()
    {
        await Bridge.ReceiveSmsAsync(Sms("Are you there?", sender: "+4917612345678"));
        var forward = (await SentToAsync(ChatB)).Last(c => c.Method == "sendMessage" && c.ChatId == ChatB);

        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatB, 20, "Yes, on my way", replyTo: forward.ResultMessageId));
        await SentToAsync(ChatB, 2);

        var message = Assert.Single(await Bridge.StoredMessagesAsync());
        Assert.Equal("+4917612345678", message.Destinations[0].Address);
        Assert.Equal("Yes, on my way", message.Text);
        Assert.Equal($"telegram:{ChatB}:20", message.OriginContext);
    }

    [Fact]
    public async Task ReplyToAMessageThatIsNoForward_ExplainsAndSendsNothing()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 20, "Hello?", replyTo: 5));

        await SentToAsync(ChatA);

        Assert.StartsWith("↩️ That message is not a forwarded SMS", LastText(ChatA));
        Assert.Empty(await Bridge.StoredMessagesAsync());
    }

    [Fact]
    public async Task Status_ShowsModemOperatorSignalQueueAndFailures()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/status"));

        await SentToAsync(ChatA);

        var text = LastText(ChatA);
        Assert.Contains("Modem: SIMCOM_Ltd SIMCOM_SIM800 (connected)", text);
        Assert.Contains("Operator: Simulated GSM (registered)", text);
        Assert.Contains("Signal: -73 dBm", text);
        Assert.Contains("Queue: 0 waiting or sending, 0 failed", text);
        Assert.Contains("Recent failures: none", text);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, ChatA, 10, "/help"));

        await SentToAsync(ChatA);

        Assert.Contains("/sms <number> <text>", LastText(ChatA));
        Assert.Contains("/status", LastText(ChatA));
    }

    [Fact]
    public async Task PhotoWithACaption_SendsTheCaption()
    {
        Api.EnqueueUpdate(TelegramUpdates.Photo(1, ChatA, 10, "/sms +4915112345678 See the photo in the chat"));

        await SentToAsync(ChatA);

        Assert.Equal("See the photo in the chat", Assert.Single(await Bridge.StoredMessagesAsync()).Text);
    }

    [Fact]
    public async Task PhotoWithoutACaption_IsRefusedClearly()
    {
        Api.EnqueueUpdate(TelegramUpdates.Photo(1, ChatA, 10, caption: null));
        Api.EnqueueUpdate(TelegramUpdates.Document(2, ChatA, 11, caption: null));

        await SentToAsync(ChatA, 2);

        Assert.All(Api.SentTexts(ChatA), t => Assert.StartsWith("🚫 Only text can be sent by SMS", t));
        Assert.Empty(await Bridge.StoredMessagesAsync());
    }

    [Fact]
    public async Task EditedMessage_IsNotSentAgain()
    {
        Api.EnqueueUpdate(TelegramUpdates.Edited(1, ChatA, 10, "/sms +4915112345678 Changed my mind"));

        await SentToAsync(ChatA);

        Assert.StartsWith("✏️ Edited messages are not sent", LastText(ChatA));
        Assert.Empty(await Bridge.StoredMessagesAsync());
    }

    [Fact]
    public async Task ChatNotAllowed_GetsOnePoliteRefusalAndNothingIsSent()
    {
        Api.EnqueueUpdate(TelegramUpdates.Text(1, Stranger, 10, "/sms +4915112345678 Let me in"));
        Api.EnqueueUpdate(TelegramUpdates.Text(2, Stranger, 11, "/status"));
        Api.EnqueueUpdate(TelegramUpdates.Text(3, ChatA, 12, "/help"));

        await SentToAsync(ChatA);
        await SentToAsync(Stranger);

        var refusal = Assert.Single(Api.SentTexts(Stranger));
        Assert.Contains($"add {Stranger} to Telegram:AllowedChatIds", refusal);
        Assert.Empty(await Bridge.StoredMessagesAsync());
    }

    [Fact]
    public async Task SameUpdateTwice_ActsOnce()
    {
        var update = TelegramUpdates.Text(7, ChatA, 10, "/sms +4915112345678 Only once");
        Api.EnqueueUpdate(update);
        await SentToAsync(ChatA);

        Api.Redeliver(update);
        Api.EnqueueUpdate(TelegramUpdates.Text(8, ChatA, 11, "/help"));
        await SentToAsync(ChatA, 2);

        Assert.Single(await Bridge.StoredMessagesAsync());
        Assert.Equal(2, Api.SentTexts(ChatA).Count);
        Assert.Contains(Bridge.Logs.Lines, l => l.Contains("Telegram update 7 was recorded before", StringComparison.Ordinal));
    }
}

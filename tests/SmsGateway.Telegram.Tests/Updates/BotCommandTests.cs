using SmsGateway.Telegram.Updates;

namespace SmsGateway.Telegram.Tests.Updates;

public sealed class BotCommandTests
{
    [Theory]
    [InlineData("/sms +4915112345678 Hello", "sms", "+4915112345678 Hello")]
    [InlineData("/SMS@sms_gateway_test_bot +49151 Hi", "sms", "+49151 Hi")]
    [InlineData("/status", "status", "")]
    [InlineData("/help@bot", "help", "")]
    public void Parse_ACommand_GivesItsNameAndArguments(string text, string name, string arguments)
    {
        var command = BotCommand.Parse(text);

        Assert.Equal(new BotCommand(name, arguments), command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hello /sms")]
    [InlineData("/")]
    public void Parse_NoCommand_GivesNull(string? text) => Assert.Null(BotCommand.Parse(text));

    [Fact]
    public void TrySplitNumber_KeepsTheTextsLineBreaks()
    {
        var command = BotCommand.Parse("/sms +4915112345678\nLine one\nLine two")!;

        Assert.True(command.TrySplitNumber(out var number, out var text));
        Assert.Equal("+4915112345678", number);
        Assert.Equal("Line one\nLine two", text);
    }
}

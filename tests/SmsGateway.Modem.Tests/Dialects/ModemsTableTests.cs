using System.Text;
using SmsGateway.Modem.Simulator;
using SmsGateway.Testing;

namespace SmsGateway.Modem.Tests.Dialects;

/// <summary>
/// docs/MODEMS.md's profile table is what <see cref="DialectRun"/> measures: this test fails when they differ, and prints
/// the measured table. With <c>SMSGW_UPDATE_DOCS=1</c> it writes the measured table into the file instead.
/// </summary>
public sealed class ModemsTableTests
{
    private const string Begin = "<!-- profiles:begin (written by ModemsTableTests; do not edit by hand) -->";
    private const string End = "<!-- profiles:end -->";

    [Fact]
    public async Task ModemsMd_ProfileTable_IsWhatTheDialectCorpusMeasures()
    {
        var measured = new StringBuilder()
            .AppendLine("| dialect | device | initialise | send | receive | status reports | USSD |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var dialect in SimDialects.Names)
        {
            measured.AppendLine((await DialectRun.ResultAsync(dialect)).TableRow);
        }

        var path = RepositoryFiles.PathOf("docs", "MODEMS.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/MODEMS.md has no table between '{Begin}' and '{End}'");
        var table = measured.ToString().ReplaceLineEndings("\n");
        var current = document[(start + Begin.Length)..end].Trim('\n') + "\n";

        if (Environment.GetEnvironmentVariable("SMSGW_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..(start + Begin.Length)] + "\n" + table + document[end..]);
            return;
        }

        Assert.True(current == table, $"docs/MODEMS.md disagrees with the dialect corpus; measured:\n{table}");
    }
}

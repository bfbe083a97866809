using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmsGateway.Agent.Tests.Support;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// A disk that fills while the gateway runs (a real tmpfs, really full): sends are refused with 507 and a problem type,
/// health says degraded and why, and once space returns everything accepted is sent and new sends are taken again.
/// </summary>
public sealed class DiskFullFaultTests
{
    [TmpfsFact]
    public async Task DiskFull_SendsAre507WithRetryAfter_HealthDegraded_AndAllRecoversOnceSpaceReturns()
    {
        using var disk = Tmpfs.Mount(megabytes: 8);
        var data = Path.Combine(disk.Path, "data");
        var accepted = new List<string>();
        await using (var gateway = await GatewayInstance.StartAsync(dataPath: data, settings: new Dictionary<string, string?> { ["Modem:Simulator:SendDelayMs"] = "50" }))
        {
            await gateway.WaitForHealthyAsync();
            accepted.Add(await gateway.SendTextAsync("before the disk filled"));
            var filler = disk.Fill();

            // The write-ahead log may still have room it reuses: keep sending until the disk shows.
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 500 && refused is null; i++)
            {
                var response = await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = $"while full {i}" });
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                if (response.StatusCode == HttpStatusCode.InsufficientStorage)
                {
                    refused = response;
                }
                else
                {
                    accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                }
            }

            Assert.NotNull(refused);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("https://smsgateway.dev/problems/storage-full", problem.GetProperty("type").GetString());
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var health = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health");
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            Assert.False(health.GetProperty("storage").GetProperty("writable").GetBoolean());
            Assert.Equal("disk full", health.GetProperty("storage").GetProperty("error").GetString());

            File.Delete(filler);
            accepted.Add(await gateway.SendTextAsync("after space returned"));
            await gateway.WaitForHealthyAsync();
            foreach (var id in accepted)
            {
                await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent", TimeSpan.FromSeconds(60));
            }
        }

        SqliteConnection.ClearAllPools();
    }
}

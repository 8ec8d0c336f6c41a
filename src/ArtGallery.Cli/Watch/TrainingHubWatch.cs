using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ArtGallery.Cli.Watch;

/// <summary>
/// A small client of the app's training hub (/hubs/training, docs/CONTRACTS.md): SignalR's JSON protocol over a WebSocket
/// (negotiate, handshake, JSON records each ended by 0x1E, a ping every 15 s). It prints the job in progress, then every
/// Progress, Sample, DetailProgress and DetailSample message as one line, and returns 0 once a job it saw running has ended.
/// </summary>
internal sealed class TrainingHubWatch(Uri site, CookieContainer cookies, TextWriter output)
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);
    private bool sawRunning;

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        using var socket = await ConnectAsync(cancel);
        await SendAsync(socket, """{"protocol":"json","version":1}""", cancel);
        // Where the hub is now, so a watch started mid-run knows the job is running.
        await SendAsync(socket, """{"type":1,"invocationId":"run","target":"Current","arguments":[]}""", cancel);
        await SendAsync(socket, """{"type":1,"invocationId":"detail","target":"CurrentDetail","arguments":[]}""", cancel);
        output.WriteLine($"watching {site} (Ctrl+C to stop)");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var pings = PingAsync(socket, stop.Token);
        try
        {
            await foreach (var record in ReadAsync(socket, cancel))
            {
                using var message = JsonDocument.Parse(record);
                if (Handle(message.RootElement) is { } code) return code;
            }
            output.WriteLine("the app closed the connection");
            return 1;
        }
        finally
        {
            await stop.CancelAsync();
            await pings.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(CancellationToken cancel)
    {
        using var http = SiteSignIn.Client(site, cookies);
        var negotiate = await http.PostAsync("/hubs/training/negotiate?negotiateVersion=1", null, cancel);
        if (negotiate.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect)
            throw new InvalidOperationException("The training hub refused this account: watch needs an admin.");
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        var hub = new UriBuilder(site)
        {
            Scheme = site.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = "/hubs/training", Query = "id=" + Uri.EscapeDataString(token ?? ""),
        };
        await socket.ConnectAsync(hub.Uri, cancel);
        return socket;
    }

    // One line per message; the exit code once the watched job has ended, else null.
    private int? Handle(JsonElement message)
    {
        int type = message.TryGetProperty("type", out var t) ? t.GetInt32() : 0;
        if (message.TryGetProperty("error", out var error)) { output.WriteLine($"the hub refused: {error}"); return 1; }
        if (type == 7) { output.WriteLine("the hub closed the connection"); return 1; }
        var (target, body) = type switch
        {
            1 => (message.GetProperty("target").GetString(), message.GetProperty("arguments")[0]),
            3 when message.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object =>
                (message.GetProperty("invocationId").GetString() == "run" ? "Progress" : "DetailProgress", r),
            _ => (null, default),
        };
        return target switch
        {
            "Progress" => Report(RunLine(body), body),
            "DetailProgress" => Report(DetailLine(body), body),
            "Sample" => Print($"{Text(body, "runId")} sample at {Number(body, "kimg"):0.00} kimg: {new Uri(site, Text(body, "url"))}"),
            "DetailSample" => Print($"detail model of {Text(body, "target")}: strip at step {body.GetProperty("step").GetInt32()}: {new Uri(site, Text(body, "url"))}"),
            _ => null,
        };
    }

    private int? Report(string line, JsonElement body)
    {
        output.WriteLine(line);
        string status = Text(body, "status");
        if (status is "starting" or "calibrating" or "running") { sawRunning = true; return null; }
        return sawRunning ? 0 : null; // a job that had ended before we connected is history, not the end of this watch
    }

    private int? Print(string line)
    {
        output.WriteLine(line);
        return null;
    }

    private static string RunLine(JsonElement p)
    {
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{Text(p, "runId")} {Text(p, "status")} · {Text(p, "phase")} {p.GetProperty("resolution").GetInt32()} px · "));
        line.Append(CultureInfo.InvariantCulture, $"{Number(p, "kimg"):0.00} / {Number(p, "totalKimg"):0.00} kimg · {Number(p, "imagesPerSecond"):0.#} img/s · ");
        line.Append(CultureInfo.InvariantCulture, $"D {Number(p, "lossD"):0.000} G {Number(p, "lossG"):0.000} · ETA {Eta(p)}");
        if (p.GetProperty("collapseWarning").GetBoolean())
            line.Append(CultureInfo.InvariantCulture, $" · WARNING: diversity {Number(p, "diversity"):0.00}, the generator may be collapsing");
        if (p.GetProperty("skippedUpdates").GetInt64() is > 0 and var skipped) line.Append(CultureInfo.InvariantCulture, $" · {skipped} updates dropped");
        return line.ToString();
    }

    private static string DetailLine(JsonElement p) =>
        string.Create(CultureInfo.InvariantCulture, $"detail model of {Text(p, "target")} {Text(p, "status")} · step {p.GetProperty("step").GetInt32()} · ")
        + string.Create(CultureInfo.InvariantCulture,
            $"{100 * Number(p, "fraction"):0}% · L1 {Number(p, "loss"):0.0000} (bicubic {Number(p, "bicubicLoss"):0.0000}) · ETA {Eta(p)}");

    private static string Eta(JsonElement p) =>
        p.TryGetProperty("etaSeconds", out var e) && e.ValueKind == JsonValueKind.Number && e.GetDouble() is >= 0 and < 1e9 and var s
            ? TimeSpan.FromSeconds(Math.Round(s)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?";

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";

    // A diverged loss arrives as "NaN" or "Infinity" (named literals), every other number as a number; null is NaN.
    private static double Number(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? double.NaN
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : double.NaN;

    private static async Task SendAsync(ClientWebSocket socket, string record, CancellationToken cancel) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(record + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancel);

    // The server drops a client it has not heard from in 30 s.
    private static async Task PingAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(PingEvery);
        while (await timer.WaitForNextTickAsync(cancel)) await SendAsync(socket, """{"type":6}""", cancel);
    }

    private static async IAsyncEnumerable<string> ReadAsync(ClientWebSocket socket, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var pending = "";
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancel);
            if (result.MessageType == WebSocketMessageType.Close) yield break;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            // Whole WebSocket messages are decoded (a UTF-8 sequence never straddles two), records split on 0x1E.
            var text = pending + Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            int end = text.LastIndexOf(RecordSeparator);
            foreach (var record in text[..Math.Max(end, 0)].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries)) yield return record;
            pending = text[(end + 1)..];
        }
    }
}

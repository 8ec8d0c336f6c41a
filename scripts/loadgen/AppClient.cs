using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LoadGen;

/// <summary>HTTP helpers against a running app: form sign-in (antiforgery), training API, /proc memory of the server.</summary>
public static partial class AppClient
{
    public static HttpClient New(Uri baseUrl) => new(new SocketsHttpHandler
    {
        UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 4,
    }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(180) };

    /// <summary>Signs in (or registers) through the real form; throws on failure.</summary>
    public static async Task<HttpClient> SignInAsync(Uri baseUrl, string user, string password, bool register)
    {
        var client = New(baseUrl);
        var (page, action) = register ? ("/account/register", "/account/signup") : ("/account/login", "/account/signin");
        var token = TokenRegex().Match(await client.GetStringAsync(page)).Groups[1].Value;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = user, ["password"] = password,
        }));
        if (response.Headers.Location?.ToString() != "/") throw new InvalidOperationException($"sign-in of {user} failed: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task StartTrainingAsync(HttpClient admin, int resolution, double kimgPerPhase, double minutes)
    {
        var r = await admin.PostAsJsonAsync("/api/training/start", new
        {
            Dataset = "builtin:abstract", MaxResolution = resolution, Recipe = "progan", KimgPerPhase = kimgPerPhase, Minutes = minutes,
        });
        if (r.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"training start: {r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    public static async Task<(string Status, string? RunId, double Kimg, int Resolution)> StatusAsync(HttpClient admin)
    {
        var json = await admin.GetFromJsonAsync<JsonElement>("/api/training/status");
        var current = json.TryGetProperty("current", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        // Until a new run reports, "current" still holds the previous run's last progress: take the run id from it.
        var runId = current.ValueKind == JsonValueKind.Object ? current.GetProperty("runId").GetString() : json.GetProperty("runId").GetString();
        return (json.GetProperty("status").GetString()!, runId,
            current.ValueKind == JsonValueKind.Object ? current.GetProperty("kimg").GetDouble() : 0,
            current.ValueKind == JsonValueKind.Object ? current.GetProperty("resolution").GetInt32() : 0);
    }

    public static async Task<(string Status, string? RunId, double Kimg, int Resolution)> WaitAsync(
        HttpClient admin, Func<(string Status, string? RunId, double Kimg, int Resolution), bool> done, int seconds = 300)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var s = await StatusAsync(admin);
            if (done(s)) return s;
            if (DateTime.UtcNow > until) throw new TimeoutException($"training stayed at {s}");
            await Task.Delay(250);
        }
    }

    /// <summary>Trains a short 16 px run and makes it the gallery's model (when the app has none); returns the model id.</summary>
    public static async Task<string> EnsureModelAsync(HttpClient admin)
    {
        var models = await admin.GetFromJsonAsync<JsonElement>("/api/models");
        foreach (var m in models.EnumerateArray()) if (m.GetProperty("active").GetBoolean()) return m.GetProperty("id").GetString()!;
        await StartTrainingAsync(admin, 16, 0.3, 5);
        var run = await WaitAsync(admin, s => s.Status is "finished" or "failed");
        var activated = await admin.PostAsync($"/api/training/runs/{run.RunId}/activate", null);
        return (await activated.Content.ReadFromJsonAsync<string>())!;
    }

    /// <summary>A field of /proc/PID/status in MB (VmRSS, VmHWM).</summary>
    public static double ProcMb(int pid, string field) =>
        double.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

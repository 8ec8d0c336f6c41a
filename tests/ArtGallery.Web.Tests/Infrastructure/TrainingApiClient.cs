using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtGallery.Contracts;
using ArtGallery.Web.Training;

namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>Drives the admin training API over HTTP (in-process factory or a real child process alike).</summary>
public static class TrainingApiClient
{
    public sealed record RunState(JobStatus Status, string? RunId, double Kimg);

    /// <summary>Starts a run on builtin:abstract; throws unless the API accepted it.</summary>
    public static async Task StartAsync(HttpClient admin, double kimgPerPhase, double minutes = 1, int resolution = 8)
    {
        var response = await admin.PostAsJsonAsync("/api/training/start",
            new TrainingRequest { Dataset = "builtin:abstract", MaxResolution = resolution, KimgPerPhase = kimgPerPhase, Minutes = minutes });
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"Training start refused: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Current status, run id and kimg.</summary>
    public static async Task<RunState> StatusAsync(HttpClient admin)
    {
        var json = await admin.GetFromJsonAsync<JsonElement>("/api/training/status");
        var kimg = json.TryGetProperty("current", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("kimg").GetDouble() : 0;
        // Parsed from the wire word, so a status written any other way fails here.
        return new RunState(JobStatusText.Parse(json.GetProperty("status").GetString()!), json.GetProperty("runId").GetString(), kimg);
    }

    /// <summary>Polls the status until <paramref name="done"/> holds; fails with the last state after <paramref name="seconds"/>.</summary>
    public static async Task<RunState> WaitForAsync(HttpClient admin, Func<RunState, bool> done, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var s = await StatusAsync(admin);
            if (done(s)) return s;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Training stayed at {s} for {seconds} s.");
            await Task.Delay(100);
        }
    }
}

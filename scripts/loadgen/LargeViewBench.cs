using System.Diagnostics;

namespace LoadGen;

/// <summary>
/// Gallery renders while anonymous clients ask for large views (issue 24, N11): after a 15 s warm-up, the gallery PNG
/// latency of one visitor alone, then with CLIENTS anonymous clients each fetching <c>?view=large</c> of fresh seeds (no cache
/// hits) back to back. Every gallery request is a fresh seed too, so each one is a real render.
/// </summary>
public static class LargeViewBench
{
    public static async Task<int> Run(Uri url, int pid, string model, int clients, int seconds)
    {
        var visitor = AppClient.New(url);
        long seed = 1_000_000;
        // Warm-up, not counted: the app's start-up work (the model's mean code, JIT) would otherwise land in "alone".
        await Gallery(visitor, model, () => seed++, TimeSpan.FromSeconds(15));
        var alone = await Gallery(visitor, model, () => seed++, TimeSpan.FromSeconds(seconds));
        Report("gallery alone", alone, seconds);

        var large = new Kind();
        var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var crowd = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            using var client = AppClient.New(url);
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var t = Stopwatch.StartNew();
                try
                {
                    using var r = await client.GetAsync($"/api/artworks/{model}/{2_000_000 + i * 100_000 + n}.png?view=large");
                    await r.Content.ReadAsByteArrayAsync();
                    large.Record((int)r.StatusCode, t.Elapsed.TotalMilliseconds);
                    // A 429 says "come back later": a well-behaved client waits a little instead of hammering.
                    if ((int)r.StatusCode == 429) await Task.Delay(250);
                }
                catch (HttpRequestException) { large.Record(-1, t.Elapsed.TotalMilliseconds); }
            }
        })).ToList();
        var crowded = await Gallery(visitor, model, () => seed++, TimeSpan.FromSeconds(seconds));
        await Task.WhenAll(crowd);
        Report($"gallery with {clients} large-view clients", crowded, seconds);
        Report($"large views ({clients} clients)", large, seconds);
        Console.WriteLine($"server peak RSS: VmHWM {AppClient.ProcMb(pid, "VmHWM"):F0} MB");
        return alone.Server + alone.Failed + crowded.Server + crowded.Failed + large.Server + large.Failed == 0 ? 0 : 1;
    }

    private static async Task<Kind> Gallery(HttpClient client, string model, Func<long> nextSeed, TimeSpan length)
    {
        var kind = new Kind();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < length)
        {
            var t = Stopwatch.StartNew();
            try
            {
                using var r = await client.GetAsync($"/api/artworks/{model}/{nextSeed()}.png");
                await r.Content.ReadAsByteArrayAsync();
                kind.Record((int)r.StatusCode, t.Elapsed.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { kind.Record(-1, t.Elapsed.TotalMilliseconds); }
            // A person scrolling: a new artwork every 100 ms at most.
            await Task.Delay(100);
        }
        return kind;
    }

    private static void Report(string what, Kind k, int seconds) =>
        Console.WriteLine($"{what,-36} {k.Count,6} requests  p50 {k.Pct(50),7:F0} ms  p95 {k.Pct(95),7:F0} ms  max {k.Pct(100),7:F0} ms  " +
            $"2xx {k.Ok}  429 {k.Throttled}  other 4xx {k.Client}  5xx {k.Server}  failed {k.Failed}  ({k.Ok / (double)seconds:F1} ok/s)");
}

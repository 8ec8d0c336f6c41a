using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoadGen;

// loadgen load URL PID CLIENTS SECONDS ADMIN_PASSWORD   |   loadgen soak URL PID MINUTES RES KIMG_PER_PHASE ADMIN_PASSWORD
// loadgen large URL PID CLIENTS SECONDS ADMIN_PASSWORD
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var url = new Uri(args[1]);
int pid = int.Parse(args[2]);
var admin = await AppClient.SignInAsync(url, "admin", args[^1], register: false);
var model = await AppClient.EnsureModelAsync(admin);
Console.WriteLine($"model {model}; server pid {pid}; RSS {AppClient.ProcMb(pid, "VmRSS"):F0} MB at start");
return args[0] switch
{
    "load" => await Load(url, pid, admin, model, int.Parse(args[3]), int.Parse(args[4])),
    "large" => await LargeViewBench.Run(url, pid, model, int.Parse(args[3]), int.Parse(args[4])),
    _ => await Soak(url, pid, admin, model, double.Parse(args[3]), int.Parse(args[4]), double.Parse(args[5])),
};

static async Task<int> Load(Uri url, int pid, HttpClient admin, string model, int clients, int seconds)
{
    // Training keeps running under the load: a 32 px run long enough not to finish.
    var previous = (await AppClient.StatusAsync(admin)).RunId;
    await AppClient.StartTrainingAsync(admin, 32, 20, 30);
    var before = await AppClient.WaitAsync(admin, s => s.Status == "running" && s.RunId != previous && s.Kimg > 0);
    Console.WriteLine($"training {before.RunId} running at {before.Kimg:F2} kimg ({before.Resolution} px)");
    var users = await Task.WhenAll(Enumerable.Range(0, clients).Select(i =>
        AppClient.SignInAsync(url, $"load{i}-{Environment.TickCount64 % 100000}", "load-Pass-1234", register: true)));
    // Warm the edit directions once, as the explorer page would, so the slider mix measures renders, not the one-off PCA.
    await users[0].GetAsync($"/api/artworks/{model}/1.png?edits=pc1:1");

    var stats = new ConcurrentDictionary<string, Kind>();
    var clock = Stopwatch.StartNew();
    var end = TimeSpan.FromSeconds(seconds);
    double peakRss = 0;
    var sampler = Task.Run(async () =>
    {
        while (clock.Elapsed < end) { peakRss = Math.Max(peakRss, AppClient.ProcMb(pid, "VmRSS")); await Task.Delay(1000); }
    });
    await Task.WhenAll(users.Select((client, i) => Task.Run(async () =>
    {
        var rng = new Random(i);
        var favorites = new List<int>();
        while (clock.Elapsed < end)
        {
            int roll = rng.Next(100);
            long seed = rng.Next(5000);
            var (kind, request) = roll switch
            {
                < 40 => ("gallery", new HttpRequestMessage(HttpMethod.Get, $"/api/artworks/{model}/{seed}.png")),
                < 70 => ("slider", new HttpRequestMessage(HttpMethod.Get,
                    FormattableString.Invariant($"/api/artworks/active/{seed % 50}.png?trunc=0.7&edits=pc1:{rng.Next(-30, 31) / 10.0},pc2:{rng.Next(-30, 31) / 10.0}"))),
                < 95 => ("favorite", favorites.Count > 3 && rng.Next(2) == 0
                    ? new HttpRequestMessage(HttpMethod.Delete, $"/api/favorites/{Take(favorites, rng)}")
                    : new HttpRequestMessage(HttpMethod.Post, $"/api/favorites/{model}/{seed}")),
                _ => ("print", new HttpRequestMessage(HttpMethod.Get, $"/api/artworks/active/{seed}/print?size=8x10&dpi=300")),
            };
            var k = stats.GetOrAdd(kind, _ => new Kind());
            var t = Stopwatch.StartNew();
            try
            {
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                k.Record((int)response.StatusCode, t.Elapsed.TotalMilliseconds);
                if (kind == "favorite" && request.Method == HttpMethod.Post && response.IsSuccessStatusCode)
                    favorites.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32());
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                k.Record(-1, t.Elapsed.TotalMilliseconds);
            }
        }
    })));
    var elapsed = clock.Elapsed.TotalSeconds;
    await sampler;
    var after = await AppClient.StatusAsync(admin);
    await admin.PostAsync("/api/training/stop", null);

    Console.WriteLine($"\n{clients} clients, {seconds} s window, {elapsed:F0} s until the last in-flight request returned; " +
        $"{stats.Values.Sum(k => k.Count)} requests, {stats.Values.Sum(k => k.Count) / elapsed:F1} req/s (per kind below: over {elapsed:F0} s)");
    Console.WriteLine($"{"kind",-9} {"count",6} {"req/s",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"2xx",6} {"429",5} {"4xx",5} {"5xx",5} {"failed",6}");
    foreach (var (name, k) in stats.OrderBy(s => s.Key))
        Console.WriteLine($"{name,-9} {k.Count,6} {k.Count / elapsed,6:F1} {k.Pct(50),8:F0} {k.Pct(95),8:F0} {k.Pct(99),8:F0} {k.Ok,6} {k.Throttled,5} " +
            $"{k.Client,5} {k.Server,5} {k.Failed,6}");
    Console.WriteLine($"server peak RSS: VmHWM {AppClient.ProcMb(pid, "VmHWM"):F0} MB (sampled VmRSS max {peakRss:F0} MB)");
    Console.WriteLine($"training: {before.Kimg:F2} -> {after.Kimg:F2} kimg ({after.Status}, {after.Resolution} px), " +
        $"{(after.Kimg - before.Kimg) * 1000 / elapsed:F0} img/s under load");
    int serverErrors = stats.Values.Sum(k => k.Server + k.Failed);
    return serverErrors == 0 && after.Kimg > before.Kimg ? 0 : 1;
}

static async Task<int> Soak(Uri url, int pid, HttpClient admin, string model, double minutes, int resolution, double kimgPerPhase)
{
    var user = await AppClient.SignInAsync(url, $"soak-{Environment.TickCount64 % 100000}", "soak-Pass-1234", register: true);
    await AppClient.StartTrainingAsync(admin, resolution, kimgPerPhase, minutes + 5);
    int runs = 1;
    var runEnds = new List<double>();
    var clock = Stopwatch.StartNew();
    var end = TimeSpan.FromMinutes(minutes);
    long requests = 0, failures = 0;
    var rng = new Random(1);
    // Renders as a few people browsing would make them: a request every ~100 ms, a print each minute.
    var browsing = Task.Run(async () =>
    {
        for (long i = 0; clock.Elapsed < end; i++)
        {
            string path = i % 600 == 599 ? $"/api/artworks/active/{i}/print?size=8x10&dpi=300"
                : i % 3 == 0 ? FormattableString.Invariant($"/api/artworks/active/{i % 40}.png?edits=pc1:{rng.Next(-30, 31) / 10.0}")
                : $"/api/artworks/{model}/{i}.png";
            try
            {
                using var r = await user.GetAsync(path);
                if ((int)r.StatusCode >= 500) Interlocked.Increment(ref failures);
                if (i % 50 == 0) await user.PostAsync($"/api/favorites/{model}/{i}", null);
            }
            catch (HttpRequestException) { Interlocked.Increment(ref failures); }
            Interlocked.Increment(ref requests);
            await Task.Delay(100);
        }
    });
    Console.WriteLine($"{"min",4} {"RSS MB",7} {"HWM MB",7} {"heap MB",8} {"gcheap MB",9} {"commit MB",9} {"cache MB",8} {"entries",7} {"gen2",5} " +
        $"{"thr",4} {"kimg",7} {"px",4} {"status",-9} {"req",7} {"5xx",4}");
    var rows = new List<(double Rss, double Heap, double Cache)>();
    // Runs are restarted as they finish, so a per-run leak would show as a staircase in the run-end RSS.
    var watcher = Task.Run(async () =>
    {
        while (clock.Elapsed < end)
        {
            await Task.Delay(2000);
            var s = await AppClient.StatusAsync(admin);
            if (s.Status is not ("finished" or "stopped") || clock.Elapsed >= end) continue;
            double rss = AppClient.ProcMb(pid, "VmRSS");
            lock (runEnds) runEnds.Add(rss);
            Console.WriteLine($"     run {runs} ended at {clock.Elapsed.TotalMinutes:F1} min: RSS {rss:F0} MB");
            await AppClient.StartTrainingAsync(admin, resolution, kimgPerPhase, minutes + 5);
            await AppClient.WaitAsync(admin, s => s.Status is not ("finished" or "stopped"), 60);
            runs++;
        }
    });
    for (int minute = 0; ; minute++)
    {
        var d = await admin.GetFromJsonAsync<JsonElement>("/api/admin/diagnostics");
        var s = await AppClient.StatusAsync(admin);
        double rss = AppClient.ProcMb(pid, "VmRSS"), heap = d.GetProperty("managedHeapBytes").GetInt64() / 1048576.0;
        rows.Add((rss, heap, d.GetProperty("renderCacheBytes").GetInt64() / 1048576.0));
        Console.WriteLine($"{minute,4} {rss,7:F0} {AppClient.ProcMb(pid, "VmHWM"),7:F0} {heap,8:F1} {d.GetProperty("gcHeapSizeBytes").GetInt64() / 1048576.0,9:F1} " +
            $"{d.GetProperty("gcCommittedBytes").GetInt64() / 1048576.0,9:F1} {d.GetProperty("renderCacheBytes").GetInt64() / 1048576.0,8:F1} " +
            $"{d.GetProperty("renderCacheEntries").GetInt64(),7} {d.GetProperty("gen2Collections").GetInt32(),5} {d.GetProperty("threads").GetInt32(),4} " +
            $"{s.Kimg,7:F1} {s.Resolution,4} {s.Status,-9} {Interlocked.Read(ref requests),7} {Interlocked.Read(ref failures),4}");
        if (clock.Elapsed >= end) break;
        await Task.Delay(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(clock.Elapsed.TotalMilliseconds % 60000));
    }
    await browsing;
    await watcher;
    await admin.PostAsync("/api/training/stop", null);
    var half = rows.Skip(rows.Count / 2).ToList();
    Console.WriteLine($"\nRSS first/max/last {rows[0].Rss:F0}/{rows.Max(r => r.Rss):F0}/{rows[^1].Rss:F0} MB; managed heap first/max/last " +
        $"{rows[0].Heap:F1}/{rows.Max(r => r.Heap):F1}/{rows[^1].Heap:F1} MB " +
        $"(less the render cache: {rows[0].Heap - rows[0].Cache:F1}/{rows.Max(r => r.Heap - r.Cache):F1}/{rows[^1].Heap - rows[^1].Cache:F1} MB); " +
            $"second-half RSS drift {(half[^1].Rss - half[0].Rss) / Math.Max(1, half.Count - 1):F1} MB/min; " +
        $"{requests} requests, {failures} failed or 5xx");
    Console.WriteLine($"{runs} training runs; RSS when each run ended: {string.Join(", ", runEnds.Select(r => $"{r:F0}"))} MB");
    return failures == 0 ? 0 : 1;
}

static int Take(List<int> ids, Random rng)
{
    int i = rng.Next(ids.Count), id = ids[i];
    ids.RemoveAt(i);
    return id;
}

/// <summary>Latencies and status counts of one request kind.</summary>
sealed class Kind
{
    private readonly List<double> ms = [];
    public int Count { get { lock (ms) return ms.Count; } }
    public int Ok, Throttled, Client, Server, Failed;

    public void Record(int status, double elapsedMs)
    {
        lock (ms) ms.Add(elapsedMs);
        if (status < 0) Interlocked.Increment(ref Failed);
        else if (status == (int)HttpStatusCode.TooManyRequests) Interlocked.Increment(ref Throttled);
        else if (status >= 500) Interlocked.Increment(ref Server);
        else if (status >= 400) Interlocked.Increment(ref Client);
        else Interlocked.Increment(ref Ok);
    }

    public double Pct(double p)
    {
        lock (ms)
        {
            if (ms.Count == 0) return 0;
            var sorted = ms.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }
}

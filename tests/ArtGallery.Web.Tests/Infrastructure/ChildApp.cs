using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>
/// The built app as a real child process (`dotnet ArtGallery.Web.dll`, Kestrel on a loopback port it picks), so tests
/// can SIGKILL it. The dll sits next to the test assembly because the test project references the web project.
/// </summary>
public sealed partial class ChildApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ChildApp(Process process) => this.process = process;

    public static string WebDll => Path.Combine(AppContext.BaseDirectory, "ArtGallery.Web.dll");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => process.Id;

    /// <summary>Recent lines the app wrote (for failure messages).</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts the app on <paramref name="dataDirectory"/> and waits until /health answers.</summary>
    public static async Task<ChildApp> StartAsync(string dataDirectory, string? modelPath, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (!File.Exists(WebDll)) throw new FileNotFoundException($"{WebDll} is missing: build tests/ArtGallery.Web.Tests first.");
        var info = new ProcessStartInfo("dotnet", [WebDll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ArtGallery__DataDirectory"] = dataDirectory,
            ["ArtGallery__AdminPassword"] = AppFactory.AdminPassword,
            ["ArtGallery__DefaultModelPath"] = modelPath ?? Path.Combine(dataDirectory, "no-model.agmodel"),
            ["ArtGallery__Device"] = "cpu",
            ["ArtGallery__DirectionSamples"] = "32",
            ["ArtGallery__LoginAttemptsPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (k, v) in env.Concat(extra ?? new Dictionary<string, string>())) info.Environment[k] = v;
        var app = new ChildApp(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Line(string? line)
        {
            if (line is null) return;
            app.output.Enqueue(line);
            while (app.output.Count > 400) app.output.TryDequeue(out _);
            if (ListeningRegex().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
        app.process.OutputDataReceived += (_, e) => Line(e.Data);
        app.process.ErrorDataReceived += (_, e) => Line(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();

        var exited = app.process.WaitForExitAsync();
        // A bound, not a race: a start-up on a machine whose cores are both busy can take a minute or more.
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(180)));
        if (first != listening.Task)
        {
            var problem = $"The app did not start listening within 180 s (exited: {exited.IsCompleted}).\n{app.Output}";
            await app.DisposeAsync();
            throw new InvalidOperationException(problem);
        }
        app.BaseAddress = await listening.Task;
        using var probe = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
        return app;
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public HttpClient Client() => new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A client signed in through the real form (registering first when asked).</summary>
    public async Task<HttpClient> SignInAsync(string user, string password, bool register = false)
    {
        var client = Client();
        var response = register
            ? await Session.PostFormAsync(client, "/account/register", "/account/signup", user, password)
            : await Session.PostFormAsync(client, "/account/login", "/account/signin", user, password);
        if (response.Headers.Location?.ToString() != "/") throw new InvalidOperationException($"Sign-in of {user} failed: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, no Dispose.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        try { Kill(); }
        catch (InvalidOperationException) { /* never started */ }
        await Task.CompletedTask;
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningRegex();
}

using System.Net;
using ArtGallery.Contracts;
using ArtGallery.Web.Tests.Auth;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtGallery.Web.Tests.Hardening;

[Collection("Sequential")]
public sealed class SecurityEdgeTests(TinyModel model)
{
    [Fact]
    public async Task SignInAndRegistration_PasswordsNeverReachTheLogs()
    {
        var logs = new CapturedLogs();
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath,
            new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:Console:LogLevel:Default"] = "Warning" },
            b => b.ConfigureLogging(l => l.AddProvider(logs)));
        const string good = "Sekret-Pa55-Zq81", wrong = "Wrong-Pa55-Xk42", tooShort = "Sh0rt-7";
        var client = Session.Client(app);
        await Session.PostFormAsync(client, "/account/register", "/account/signup", "logme", good);
        await Session.PostFormAsync(Session.Client(app), "/account/register", "/account/signup", "shorty", tooShort);
        await Session.PostFormAsync(Session.Client(app), "/account/login", "/account/signin", "logme", wrong);
        await Session.PostFormAsync(Session.Client(app), "/account/login", "/account/signin", "logme", good);
        await Session.AdminAsync(app);

        Assert.Contains("Failed sign-in for user name 'logme'", logs.Text); // the capture sees the app's own logs
        foreach (var secret in new[] { good, wrong, tooShort, AppFactory.AdminPassword })
            Assert.DoesNotContain(secret, logs.Text);
    }

    [Fact]
    public async Task SignIn_OverHttps_AuthAndAntiforgeryCookiesAreSecureHttpOnlyAndSameSite()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var page = await client.GetAsync("/account/login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var response = await Session.PostFormAsync(client, "/account/login", "/account/signin", "admin", AppFactory.AdminPassword);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ArtGallery.Auth=", StringComparison.Ordinal));
        foreach (var cookie in new[] { auth, antiforgery })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TrainingStatus_NonFiniteLosses_Returns200NotServerError()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var admin = await Session.AdminAsync(app);
        app.Services.GetRequiredService<JobMonitor>().RunReport(new TrainingProgressDto(
            "run-x", JobStatus.Running, "fade-in", 8, 0.5, 1, 2, double.NaN, double.PositiveInfinity, double.NegativeInfinity, null, 0, double.NaN, false), null);
        var response = await admin.GetAsync("/api/training/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"NaN\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hub_BadArgumentsUnknownMethodAndOversizedMessage_RefusedAndServerStaysUp()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        await using var hub = AuthorizationTests.HubFor(app, cookie);
        await hub.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>(nameof(TrainingHub.Current), 1, "extra"));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("DeleteEverything"));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>(nameof(TrainingHub.Timeline), new { a = "bad" }));
        Assert.Null(await hub.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current))); // still connected and serving

        // 100 KB against the 32 KB limit: the server drops the connection instead of buffering it.
        var closed = new TaskCompletionSource<Exception?>();
        hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<object>(nameof(TrainingHub.Current), new string('x', 100_000)).WaitAsync(TimeSpan.FromSeconds(30)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);

        await using var fresh = AuthorizationTests.HubFor(app, cookie);
        await fresh.StartAsync();
        Assert.Null(await fresh.InvokeAsync<TrainingProgressDto?>(nameof(TrainingHub.Current)));
    }
}

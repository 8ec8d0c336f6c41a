using System.Net;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>
/// Issue 24 N8: a page on another origin (another port of the same host passes SameSite=Lax) cannot make a signed-in
/// browser change anything or open the admin hub; the app's own pages and non-browser clients still can.
/// </summary>
[Collection("Sequential")]
public sealed class SameOriginTests(TinyModel model) : IAsyncLifetime
{
    private const string Foreign = "http://localhost:8081"; // the test server is http://localhost
    private readonly AppFactory app = new(AppFactory.NewDataDirectory(), model.ModelPath);

    public static TheoryData<string, string> StateChanging => new()
    {
        { "POST", "/api/admin/backup" }, { "DELETE", "/api/admin/backups/artgallery-x.zip" }, { "POST", "/api/training/pause" },
        { "POST", "/api/training/stop" }, { "POST", "/api/training/resume/run-x" }, { "POST", "/api/training/runs/run-x/activate" },
        { "POST", "/api/training/start" }, { "POST", "/api/training/detail" }, { "POST", "/api/favorites/active/1" },
        { "DELETE", "/api/favorites/1" }, { "POST", "/account/logout" }, { "POST", "/hubs/training/negotiate?negotiateVersion=1" },
    };

    [Theory]
    [MemberData(nameof(StateChanging))]
    public async Task CrossOrigin_StateChange_403InWordsAndNothingChanges(string method, string url)
    {
        var admin = await Session.AdminAsync(app);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("Origin", Foreign);
        var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Cross-origin request refused: Origin 'http://localhost:8081' is not this site's (http://localhost)", body);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"), "*.zip"));
        Assert.Equal("[]", await admin.GetStringAsync("/api/favorites"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/backups")).StatusCode); // still signed in
    }

    [Theory]
    [InlineData("same-site")]
    [InlineData("cross-site")]
    public async Task NoOriginButBrowserSaysCrossSite_403(string site)
    {
        var user = await Session.UserAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/favorites/active/1");
        request.Headers.Add("Sec-Fetch-Site", site);
        var response = await user.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"the browser reports a {site} request", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData("http://LOCALHOST:80", null)]
    [InlineData(null, "same-origin")]
    [InlineData(null, null)] // curl, scripts: no browser to forge a request with
    public async Task SameOriginOrNoBrowser_Allowed(string? origin, string? site)
    {
        var user = await Session.UserAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/favorites/active/1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (site is not null) request.Headers.Add("Sec-Fetch-Site", site);
        Assert.Equal(HttpStatusCode.OK, (await user.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ReadOnlyGets_FromAnyOrigin_Served()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/artworks/{model.ModelId}/1.png");
        request.Headers.Add("Origin", Foreign);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Hub_CrossOriginHandshake_RefusedSameOriginConnects()
    {
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        await using var foreign = Hub(cookie, Foreign);
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => foreign.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var own = Hub(cookie, "http://localhost");
        await own.StartAsync();
        Assert.Equal(HubConnectionState.Connected, own.State);
    }

    [Fact]
    public async Task Hub_CrossOriginWebSocket_RefusedWith403()
    {
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        var socket = app.Server.CreateWebSocketClient();
        socket.ConfigureRequest = r =>
        {
            r.Headers["Origin"] = Foreign;
            r.Headers["Cookie"] = cookie;
        };
        // Straight to the WebSocket (skipping negotiation), as a hijacking page would.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(new Uri("ws://localhost/hubs/training"), CancellationToken.None));
        Assert.Contains("403", error.Message);
    }

    private HubConnection Hub(string cookie, string origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/training"), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            o.Headers["Cookie"] = cookie;
            o.Headers["Origin"] = origin;
        })
        .Build();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}

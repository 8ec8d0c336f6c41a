using System.Net;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Auth;

[Collection("Sequential")]
public sealed class AuthorizationTests(TinyModel model, SharedApp shared) : IClassFixture<SharedApp>
{
    private AppFactory app => shared.For(model.ModelPath);

    public static TheoryData<string> AdminPages => new() { "/admin/training", "/admin/datasets" };

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "/api/training/status" }, { "GET", "/api/training/runs" }, { "POST", "/api/training/stop" },
        { "POST", "/api/training/pause" }, { "POST", "/api/training/resume/run-x" }, { "POST", "/api/training/runs/run-x/activate" },
        { "GET", "/api/training/runs/run-x/samples/grid-000001.png" }, { "GET", "/api/datasets/builtin/thumbs/0.png" },
        { "POST", "/api/training/start" }, { "POST", "/api/admin/backup" }, { "GET", "/api/admin/backups" },
        { "GET", "/api/admin/backups/artgallery-x.zip" }, { "DELETE", "/api/admin/backups/artgallery-x.zip" }, { "GET", "/api/admin/diagnostics" },
        { "POST", "/api/training/detail" }, { "GET", "/api/training/detail" }, { "GET", "/api/training/detail/samples/strip-0000001.png" },
    };

    /// <summary>Every admin-only route the app maps is in <see cref="AdminEndpoints"/>, so a new one cannot go untested.</summary>
    [Fact]
    public void AdminEndpoints_CoverEveryAdminRoute()
    {
        var tested = AdminEndpoints.Select(row => $"{row[0]} {row[1]}").ToList();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/training") || raw.StartsWith("/api/admin") || raw.StartsWith("/api/datasets")))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Pattern: e.RoutePattern)))
            .ToList();
        Assert.True(routes.Count >= 13, $"only {routes.Count} admin routes found");
        foreach (var (method, pattern) in routes)
        {
            var matcher = new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(pattern.RawText!.TrimStart('/')), new RouteValueDictionary());
            Assert.True(tested.Any(t => t.StartsWith(method + " ") && matcher.TryMatch(t[(method.Length + 1)..], new RouteValueDictionary())),
                $"{method} {pattern.RawText} is admin-only but not in AdminEndpoints");
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_Anonymous_RedirectsToLogin(string page)
    {
        var response = await Session.Client(app).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_User_RedirectsToDenied(string page)
    {
        var response = await (await Session.UserAsync(app)).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>Not only a 200: the admin's own controls are on the page (a login page or an empty shell would also be 200).</summary>
    [Theory]
    [InlineData("/admin/training", new[] { "<title>Training · ArtGallery</title>", "data-testid=\"training-status\"", "data-testid=\"run-table\"",
        "data-testid=\"detail-panel\"", "data-testid=\"backup-now\"", ">Start</span>", "Train detail model for the active model" })]
    [InlineData("/admin/datasets", new[] { "<title>Datasets · ArtGallery</title>", "aria-label=\"Upload images\"", "Upload images",
        "Transparent areas show" })]
    public async Task AdminPage_Admin_RendersTheAdminsControls(string page, string[] markers)
    {
        var response = await (await Session.AdminAsync(app)).GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(markers, marker => Assert.Contains(marker, html));
        Assert.DoesNotContain("name=\"password\"", html); // not the sign-in form
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_AnonymousAndUser_401And403(string method, string url)
    {
        var anonymous = await Session.Client(app).SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var user = await (await Session.UserAsync(app)).SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoint_Admin_Allowed()
    {
        var admin = await Session.AdminAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/training/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/datasets/builtin/thumbs/0.png")).StatusCode);
    }

    [Fact]
    public async Task Favorites_Anonymous_RedirectsToLoginAndApi401()
    {
        var client = Session.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/favorites")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/favorites")).StatusCode);
    }

    [Fact]
    public async Task Hub_AnonymousAndUser_Refused()
    {
        var userCookie = await Session.CookieAsync(app, "hubuser", "user-Pass-123", register: true);
        var anonymous = await Assert.ThrowsAnyAsync<HttpRequestException>(() => Connect(null).StartAsync());
        var user = await Assert.ThrowsAnyAsync<HttpRequestException>(() => Connect(userCookie).StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_RedirectsWithErrorAndNoCookie()
    {
        var client = Session.Client(app);
        var response = await Session.PostFormAsync(client, "/account/login", "/account/signin", "admin", "wrong-password");
        Assert.Equal("/account/login?error=invalid", response.Headers.Location?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ArtGallery.Auth")));
        var page = await client.GetStringAsync("/account/login?error=invalid");
        Assert.Contains("role=\"alert\"", page);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Rejected()
    {
        var response = await Session.Client(app).PostAsync("/account/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = AppFactory.AdminPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_Success_CookieIsHttpOnlyAndLax()
    {
        var client = Session.Client(app);
        var response = await Session.PostFormAsync(client, "/account/login", "/account/signin", "admin", AppFactory.AdminPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ArtGallery.Auth"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private HubConnection Connect(string? cookie) => HubFor(app, cookie);

    internal static HubConnection HubFor(AppFactory app, string? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/training"), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            if (cookie is not null) o.Headers["Cookie"] = cookie;
        })
        .Build();
}

using System.Net;
using System.Text.RegularExpressions;
using ArtGallery.Web.Accounts;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>Issue 15 classes 2 and 4: hostile return URLs never break a sign-in; sign-out and password change end sessions on the server.</summary>
public sealed partial class SignInHostileTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private AppFactory app => shared.For(null);

    private static readonly string[] Hostile =
        ["/\t/evil", "/\r/evil", "/\n/evil", "/\u0001x", "/\u007fx", "/\vx", "/\u00a0x", "/\u2028x", "//evil.example", "/\\evil.example",
         "https://evil.example/", "~/x", "", "x/y"];

    public static TheoryData<string> HostileReturnUrls => [.. Hostile];

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task SignIn_HostileReturnUrl_SignsInAndGoesHome(string returnUrl)
    {
        var client = Session.Client(app);
        var response = await PostSignIn(client, "admin", AppFactory.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/backups")).StatusCode); // signed in, as admin
    }

    [Theory]
    [InlineData("/explore?seed=5&trunc=0.7")]
    [InlineData("/admin/datasets")]
    [InlineData("/")]
    public async Task SignIn_LocalReturnUrl_Kept(string returnUrl)
    {
        var response = await PostSignIn(Session.Client(app), "admin", AppFactory.AdminPassword, returnUrl);
        Assert.Equal(returnUrl, response.Headers.Location?.ToString());
    }

    [Fact]
    public void LocalUrl_AcceptsOnlyWhatLocalRedirectCanWrite()
    {
        foreach (var url in Hostile) Assert.Equal("/", LocalUrl.OrHome(url));
        Assert.Equal("/art/x/5?trunc=0.7", LocalUrl.OrHome("/art/x/5?trunc=0.7"));
    }

    [Fact]
    public async Task SignOut_SavedCookieReplayed_IsRefused()
    {
        var cookie = await Session.CookieAsync(app, "admin", AppFactory.AdminPassword);
        var signedIn = Session.Client(app);
        signedIn.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/admin/backups")).StatusCode);

        var html = await signedIn.GetStringAsync("/");
        var token = TokenRegex().Match(html).Groups[1].Value;
        var logout = await signedIn.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replay = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/admin/backups")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/admin/datasets")).StatusCode);
        // A new sign-in works again.
        Assert.Equal(HttpStatusCode.OK, (await (await Session.AdminAsync(app)).GetAsync("/api/admin/backups")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsEarlierSessions()
    {
        var cookie = await Session.CookieAsync(app, "pat", "user-Pass-123", register: true);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/favorites")).StatusCode);
        var db = app.Services.GetRequiredService<ArtGallery.Data.ArtGalleryDatabase>();
        Assert.Null(app.Services.GetRequiredService<AccountService>().ChangePassword(db.FindUser("pat")!.Id, "new-Pass-456"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/favorites")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Session.SignedInAsync(app, "pat", "new-Pass-456")).GetAsync("/api/favorites")).StatusCode);
    }

    [Fact]
    public async Task SignIn_Throttled_RedirectsToTheAppsMessage()
    {
        await using var limited = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:LoginAttemptsPerMinute"] = "1" });
        var client = Session.Client(limited);
        await Session.PostFormAsync(client, "/account/login", "/account/signin", "admin", "wrong");
        var throttled = await Session.PostFormAsync(client, "/account/login", "/account/signin", "admin", "wrong");
        Assert.Equal(HttpStatusCode.SeeOther, throttled.StatusCode);
        Assert.Equal("/account/login?error=throttled", throttled.Headers.Location?.ToString());
        Assert.Contains("Too many attempts; wait a minute and try again.", await client.GetStringAsync(throttled.Headers.Location!.ToString()));
    }

    private static async Task<HttpResponseMessage> PostSignIn(HttpClient client, string user, string password, string returnUrl)
    {
        var html = await client.GetStringAsync("/account/login");
        var token = TokenRegex().Match(html).Groups[1].Value;
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = user, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

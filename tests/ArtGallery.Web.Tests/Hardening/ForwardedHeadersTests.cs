using System.Net;
using System.Text.RegularExpressions;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>
/// Issue 24 minor finding: behind a TLS proxy (ArtGallery:ForwardedHeaders) the sign-in cookie is Secure, the sign-in
/// limiter counts each visitor apart, and the public origin passes the same-origin check. Real Kestrel on loopback, so
/// the proxy's address is a real 127.0.0.1.
/// </summary>
[Collection("Sequential")]
public sealed partial class ForwardedHeadersTests
{
    [Theory]
    [InlineData("loopback", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("", false)] // off: a forged X-Forwarded-Proto changes nothing
    [InlineData("10.0.0.5", false)] // a proxy elsewhere is not this sender
    public async Task SignIn_ThroughTlsProxy_CookieIsSecureOnlyWhenTheProxyIsTrusted(string proxies, bool secure)
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:ForwardedHeaders"] = proxies });
        using var client = Client(Serve(app), cookies: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var login = await client.GetAsync("/account/login");
        var antiforgery = CookiePair(login, ".AspNetCore.Antiforgery.");
        var form = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = TokenRegex().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value,
                ["username"] = "admin", ["password"] = AppFactory.AdminPassword,
            }),
        };
        form.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ArtGallery.Auth=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("loopback", HttpStatusCode.Redirect)] // each visitor has its own bucket
    [InlineData("", HttpStatusCode.SeeOther)] // without it every visitor is the proxy: one bucket for all
    public async Task SignInLimiter_BehindProxy_CountsEachVisitorApart(string proxies, HttpStatusCode secondVisitor)
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string>
        {
            ["ArtGallery:ForwardedHeaders"] = proxies, ["ArtGallery:LoginAttemptsPerMinute"] = "1",
        });
        var address = Serve(app);
        using var first = Client(address, cookies: true);
        using var second = Client(address, cookies: true);
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.5");
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.6");
        // The window starts at a bucket's first attempt, so the second attempt right after it is over the limit.
        Assert.Equal(HttpStatusCode.Redirect, (await Session.PostFormAsync(first, "/account/login", "/account/signin", "admin", "wrong-1")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await Session.PostFormAsync(first, "/account/login", "/account/signin", "admin", "wrong-2")).StatusCode);
        Assert.Equal(secondVisitor, (await Session.PostFormAsync(second, "/account/login", "/account/signin", "admin", "wrong-3")).StatusCode);
    }

    [Fact]
    public async Task OriginCheck_BehindProxy_ThePublicOriginIsOwn()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:ForwardedHeaders"] = "loopback" });
        using var client = Client(Serve(app), cookies: false);
        async Task<HttpStatusCode> Post(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/favorites/active/1");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "art.example.com");
            request.Headers.Add("Origin", origin);
            return (await client.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await Post("https://art.example.com")); // past the origin check, to the sign-in check
        Assert.Equal(HttpStatusCode.Forbidden, await Post("http://art.example.com"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post(client.BaseAddress!.GetLeftPart(UriPartial.Authority)));
    }

    [Theory]
    [InlineData("10.0.0.300", "'10.0.0.300' is not an IP address or network")]
    [InlineData("loopback, proxy.example", "'proxy.example' is not an IP address or network")]
    public async Task BadSetting_StartFailsNamingTheEntry(string proxies, string words)
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), null, new Dictionary<string, string> { ["ArtGallery:ForwardedHeaders"] = proxies });
        Assert.Contains(words, (await app.StartFailure()).ToString());
    }

    [Theory]
    [InlineData("off", 0)]
    [InlineData(" ", 0)]
    [InlineData("any", 2)]
    [InlineData("loopback", 2)]
    [InlineData("10.0.0.5, 172.16.0.0/12;::1", 3)]
    [InlineData("loopback, 10.0.0.0/8", 3)]
    public void Parse_AcceptedForms(string text, int networks)
    {
        Assert.True(ForwardedProxies.TryParse(text, out var parsed, out var error));
        Assert.Null(error);
        Assert.Equal(networks, parsed?.Count ?? 0);
    }

    // Real Kestrel on a loopback port (the proxy's address is then a real 127.0.0.1), instead of the in-memory test server.
    private static Uri Serve(AppFactory app)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static HttpClient Client(Uri address, bool cookies) =>
        new(new HttpClientHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };

    private static string CookiePair(HttpResponseMessage response, string prefix)
    {
        var header = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(prefix, StringComparison.Ordinal));
        return header[..header.IndexOf(';')];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

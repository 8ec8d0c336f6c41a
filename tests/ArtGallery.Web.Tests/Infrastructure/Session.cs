using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>An HTTP client with cookies that signs in through the real form (antiforgery token included).</summary>
public static partial class Session
{
    public static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts a static account form; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, string user, string password)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenRegex().Match(html).Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = user, ["password"] = password,
        }));
    }

    /// <summary>A client signed in as the configured admin.</summary>
    public static Task<HttpClient> AdminAsync(WebApplicationFactory<Program> app) => SignedInAsync(app, "admin", AppFactory.AdminPassword);

    /// <summary>A client registered and signed in as a new ordinary user.</summary>
    public static async Task<HttpClient> UserAsync(WebApplicationFactory<Program> app, string? name = null)
    {
        var client = Client(app);
        var response = await PostFormAsync(client, "/account/register", "/account/signup", name ?? "u" + Guid.NewGuid().ToString("N")[..8], "user-Pass-123");
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() != "/")
            throw new InvalidOperationException($"Registration failed: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string user, string password)
    {
        var client = Client(app);
        var response = await PostFormAsync(client, "/account/login", "/account/signin", user, password);
        if (response.Headers.Location?.ToString() != "/") throw new InvalidOperationException($"Sign-in failed: {response.Headers.Location}");
        return client;
    }

    /// <summary>The auth cookie ("ArtGallery.Auth=...") of a fresh sign-in, for clients that are not HttpClient (SignalR).</summary>
    public static async Task<string> CookieAsync(WebApplicationFactory<Program> app, string user, string password, bool register = false)
    {
        var response = register
            ? await PostFormAsync(Client(app), "/account/register", "/account/signup", user, password)
            : await PostFormAsync(Client(app), "/account/login", "/account/signin", user, password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ArtGallery.Auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';')];
    }

    /// <summary>Signs out through the page's own form (antiforgery token from "/"): ends every session of that user.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = TokenRegex().Match(await client.GetStringAsync("/")).Groups[1].Value;
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

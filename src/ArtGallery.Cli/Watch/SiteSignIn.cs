using System.Net;
using System.Text.RegularExpressions;

namespace ArtGallery.Cli.Watch;

/// <summary>Signs in to the app through its own sign-in form (antiforgery token, then the form post), as a browser does; the
/// session cookie ends up in the returned container.</summary>
internal static partial class SiteSignIn
{
    public static async Task<CookieContainer> SignInAsync(Uri site, string user, string password, CancellationToken cancel)
    {
        var cookies = new CookieContainer();
        using var http = Client(site, cookies);
        var form = await http.GetStringAsync("/account/login", cancel);
        if (TokenRegex().Match(form) is not { Success: true } token) throw new InvalidOperationException($"{site} shows no sign-in form at /account/login.");
        var response = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token.Groups[1].Value, ["username"] = user, ["password"] = password,
        }), cancel);
        // Success is the form's redirect home; a refusal redirects back to the form with the reason.
        if (response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Sign-in as {user} failed ({(int)response.StatusCode} {response.Headers.Location}).");
        return cookies;
    }

    /// <summary>A client of <paramref name="site"/> with <paramref name="cookies"/>, following no redirects.</summary>
    public static HttpClient Client(Uri site, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

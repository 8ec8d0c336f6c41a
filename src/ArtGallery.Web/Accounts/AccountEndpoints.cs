using ArtGallery.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace ArtGallery.Web.Accounts;

/// <summary>Form posts of the static sign-in, registration and sign-out forms (antiforgery checked by the form binding).</summary>
public static partial class AccountEndpoints
{
    /// <summary>Rate-limiter policy name for sign-in and registration posts.</summary>
    public const string LoginPolicy = "login";

    /// <summary>Maps POST /account/signin, /account/signup and /account/logout.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");
        group.MapPost("/signin", SignIn).RequireRateLimiting(LoginPolicy);
        group.MapPost("/signup", SignUp).RequireRateLimiting(LoginPolicy);
        group.MapPost("/logout", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, AccountService accounts) =>
        {
            // No form fields are bound here, so antiforgery is checked explicitly.
            if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.Problem("Invalid or missing antiforgery token.", statusCode: 400);
            accounts.EndSessions(http.User); // server-side: a saved copy of the cookie stops working too
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/");
        });
        return app;
    }

    private static async Task<IResult> SignIn(HttpContext http, AccountService accounts, ILoggerFactory logs,
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = accounts.Verify(username, password);
        if (user is null)
        {
            LogFailed(logs.CreateLogger("ArtGallery.Accounts"), Clip(username));
            return TypedResults.LocalRedirect("/account/login?error=invalid");
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, accounts.PrincipalFor(user));
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    private static async Task<IResult> SignUp(HttpContext http, AccountService accounts,
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var error = accounts.Register(username, password, Roles.User, out var user);
        // Like sign-in, back to where the person came from (e.g. the artwork whose heart they pressed), also after an error.
        var back = LocalUrl.IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : "";
        if (error is not null) return TypedResults.LocalRedirect("/account/register?error=" + error + back);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, accounts.PrincipalFor(user!));
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    private static string Clip(string? s) => s is null ? "" : s.Length <= 32 ? s : s[..32];

    [LoggerMessage(Level = LogLevel.Information, Message = "Failed sign-in for user name '{User}'")]
    private static partial void LogFailed(ILogger logger, string user);
}

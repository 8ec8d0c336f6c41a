using System.Threading.RateLimiting;
using ArtGallery.Data;
using ArtGallery.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;

namespace ArtGallery.Web.Accounts;

/// <summary>Cookie auth, the admin policy, login rate limiting and the first-admin seeding.</summary>
public static class AuthExtensions
{
    /// <summary>Registers accounts and security.</summary>
    public static WebApplicationBuilder AddArtGalleryAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddHostedService<AdminSeeder>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "ArtGallery.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // APIs and the hub answer 401/403; pages redirect.
            o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        // The antiforgery cookie defaults to no Secure flag even over HTTPS; same policy as the sign-in cookie.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminPolicy.Name, p => p.RequireRole(Roles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        // Circuits and hub connections re-check the session, so sign-out everywhere ends them too (not only new requests).
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidator>();
        builder.Services.AddSingleton<HubSessions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        builder.Services.AddSignalR().AddHubOptions<Training.TrainingHub>(o => o.AddFilter<HubSessions>());
        int perMinute = builder.Configuration.GetValue($"{ArtGalleryOptions.Section}:{nameof(ArtGalleryOptions.LoginAttemptsPerMinute)}", 20);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) => Throttled(ctx.HttpContext);
            o.AddPolicy(AccountEndpoints.LoginPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>A throttled form post goes back to its form with the app's own message (a browser would show a bare 429).</summary>
    private static ValueTask Throttled(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        var form = http.Request.Path.StartsWithSegments("/account/signup") ? "/account/register" : "/account/login";
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = $"{form}?error={AccountMessages.Throttled}";
        return ValueTask.CompletedTask;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

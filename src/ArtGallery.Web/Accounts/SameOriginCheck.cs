namespace ArtGallery.Web.Accounts;

/// <summary>
/// Refuses cross-site request forgery and WebSocket hijacking with one rule: a browser request that changes state (POST,
/// PUT, PATCH, DELETE anywhere) or opens a live connection (<c>/hubs/*</c>, Blazor's <c>/_blazor</c>, any method) must
/// come from this site's own origin. The cookie is SameSite=Lax, which a page on another port of the same host passes,
/// and the body-less API posts (back-up, training commands, favorites) carry no antiforgery token. Browsers always send
/// <c>Origin</c> on such requests (and <c>Sec-Fetch-Site</c>); a client that sends neither (curl, scripts, tests) is not
/// a browser a third-party page can drive, so it passes. Runs after forwarded headers, so behind a TLS proxy "own
/// origin" is the public one.
/// </summary>
public sealed partial class SameOriginCheck(RequestDelegate next, ILogger<SameOriginCheck> logger)
{
    /// <summary>Runs the check, answering 403 ProblemDetails for a foreign origin.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        if (Guarded(http.Request) && Refusal(http.Request) is { } reason)
        {
            LogRefused(logger, http.Request.Method, http.Request.Path, reason);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem($"Cross-origin request refused: {reason}. State-changing requests and live connections are only accepted from this site's own pages.",
                statusCode: StatusCodes.Status403Forbidden, title: "Cross-origin request refused").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    /// <summary>True for requests the rule covers: unsafe methods and hub handshakes.</summary>
    public static bool Guarded(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor");

    /// <summary>Why the request is not same-origin, or null when it is (or carries no browser origin at all).</summary>
    public static string? Refusal(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var own = $"{request.Scheme}://{request.Host}";
        if (origin.Length > 0)
            return SameOrigin(origin, request) ? null : $"Origin '{Clip(origin)}' is not this site's ({own})";
        // No Origin: a browser still says where a request comes from in Sec-Fetch-Site ("none" is the person's own navigation).
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none" ? null : $"the browser reports a {Clip(site)} request";
    }

    private static bool SameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || !request.Host.HasValue) return false;
        int ownPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && uri.Port == ownPort;
    }

    private static string Clip(string s) => new(s.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused cross-origin {Method} {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string reason);
}

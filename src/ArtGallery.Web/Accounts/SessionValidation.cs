using System.Security.Claims;
using ArtGallery.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ArtGallery.Web.Accounts;

/// <summary>
/// The one session check: a signed-in principal is still valid while its user exists and the security stamp it carries is
/// the user's current one, so sign-out and password changes end sessions on the server. Asked on every request (the
/// cookie), every <see cref="SessionRevalidator.RevalidationInterval"/> for Blazor circuits and for hub connections.
/// </summary>
public static class SessionValidation
{
    /// <summary>The claim that carries the security stamp in the cookie.</summary>
    public const string StampClaim = "ag:stamp";

    /// <summary>True for an anonymous principal (nothing to end) and for a signed-in one whose stamp is still its user's.</summary>
    public static bool IsCurrent(ArtGalleryDatabase db, ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return true;
        var stamp = principal.FindFirstValue(StampClaim);
        var user = AccountService.UserId(principal) is int id ? db.FindUser(id) : null;
        return user is not null && !string.IsNullOrEmpty(stamp) && user.SecurityStamp == stamp;
    }

    /// <summary>Cookie <c>OnValidatePrincipal</c>: rejects (and clears) a cookie of a deleted user or a replaced stamp.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<ArtGalleryDatabase>();
        if (context.Principal?.Identity?.IsAuthenticated == true && IsCurrent(db, context.Principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}

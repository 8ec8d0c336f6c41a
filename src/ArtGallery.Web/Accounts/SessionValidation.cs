using System.Security.Claims;
using ArtGallery.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ArtGallery.Web.Accounts;

/// <summary>
/// Checks each request's sign-in cookie against the user's security stamp in the database, so that sign-out and
/// password changes end sessions on the server: a cookie whose stamp is no longer the user's is rejected.
/// </summary>
public static class SessionValidation
{
    /// <summary>The claim that carries the security stamp in the cookie.</summary>
    public const string StampClaim = "ag:stamp";

    /// <summary>Cookie <c>OnValidatePrincipal</c>: rejects (and clears) a cookie of a deleted user or a replaced stamp.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<ArtGalleryDatabase>();
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var user = AccountService.UserId(context.Principal) is int id ? db.FindUser(id) : null;
        if (user is not null && !string.IsNullOrEmpty(stamp) && user.SecurityStamp == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}

using System.Security.Claims;
using ArtGallery.Data;
using Microsoft.AspNetCore.Components.Authorization;

namespace ArtGallery.Web.Accounts;

/// <summary>The one admin check of interactive components: a circuit outlives a role change, so every admin action asks again.</summary>
public static class AdminCheck
{
    /// <summary>What a refused action tells the person.</summary>
    public const string Refusal = "Admins only.";

    /// <summary>True when the principal is an admin.</summary>
    public static bool IsAdmin(this ClaimsPrincipal? user) => user?.IsInRole(Roles.Admin) == true;

    /// <summary>True when the cascaded authentication state is an admin's.</summary>
    public static async Task<bool> IsAdminAsync(this Task<AuthenticationState>? auth) => auth is not null && (await auth).User.IsAdmin();

    /// <summary>The signed-in user's id, or null.</summary>
    public static async Task<int?> UserIdAsync(this Task<AuthenticationState>? auth) => auth is null ? null : AccountService.UserId((await auth).User);
}

using System.Security.Claims;
using ArtGallery.Data;
using ArtGallery.Imaging;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ArtGallery.Web.Accounts;

/// <summary>Registration and password checks against LiteDB with ASP.NET Core's PasswordHasher.</summary>
public sealed class AccountService(ArtGalleryDatabase db)
{
    /// <summary>Shortest accepted password.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>Longest accepted user name / password (bounded work for the hasher).</summary>
    public const int MaxNameLength = 32, MaxPasswordLength = 128;

    private readonly PasswordHasher<UserRecord> hasher = new();

    /// <summary>The user when the password matches; null otherwise (same answer for unknown names).</summary>
    public UserRecord? Verify(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > MaxNameLength || password.Length > MaxPasswordLength)
            return null;
        var user = db.FindUser(userName);
        if (user is null) return null;
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded) db.UpdatePasswordHash(user.Id, hasher.HashPassword(user, password));
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Creates an account; returns an error code for <see cref="AccountMessages"/>, or null on success.</summary>
    public string? Register(string? userName, string? password, string role, out UserRecord? user)
    {
        user = null;
        userName = userName?.Trim();
        if (!SafeName.IsValid(userName, MaxNameLength))
            return AccountMessages.BadName;
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
            return AccountMessages.BadPassword;
        var record = new UserRecord { UserName = userName, Role = role };
        record.PasswordHash = hasher.HashPassword(record, password);
        if (!db.TryAddUser(record)) return AccountMessages.Taken;
        user = record;
        return null;
    }

    /// <summary>Sets a new password and ends every session of the user (their cookies stop working); an error code or null.</summary>
    public string? ChangePassword(int userId, string? newPassword)
    {
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length < MinPasswordLength || newPassword.Length > MaxPasswordLength)
            return AccountMessages.BadPassword;
        var user = db.FindUser(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        db.ChangePassword(userId, hasher.HashPassword(user, newPassword));
        return null;
    }

    /// <summary>The cookie principal of a user, carrying the user's current security stamp.</summary>
    public ClaimsPrincipal PrincipalFor(UserRecord user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(SessionValidation.StampClaim, db.SecurityStampOf(user.Id)),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Ends every session of the user signed in as <paramref name="principal"/> (a copied cookie no longer works).</summary>
    public void EndSessions(ClaimsPrincipal principal)
    {
        if (UserId(principal) is int id && db.FindUser(id) is not null) db.RotateSecurityStamp(id);
    }

    /// <summary>The user id in a principal, if signed in.</summary>
    public static int? UserId(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out int id) ? id : null;
}

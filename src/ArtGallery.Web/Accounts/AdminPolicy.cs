namespace ArtGallery.Web.Accounts;

/// <summary>The authorization policy every admin-only endpoint names: the admin role. Accounts owns it (AuthExtensions
/// registers it), so the APIs depend on Accounts and never the other way round.</summary>
public static class AdminPolicy
{
    /// <summary>The policy's name.</summary>
    public const string Name = "admin";
}

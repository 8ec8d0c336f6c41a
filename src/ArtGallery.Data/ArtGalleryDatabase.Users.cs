namespace ArtGallery.Data;

public sealed partial class ArtGalleryDatabase
{
    /// <summary>Finds a user by name, case-insensitively.</summary>
    public UserRecord? FindUser(string userName) =>
        Users.FindOne(u => u.NormalizedName == Normalize(userName));

    /// <summary>Finds a user by id.</summary>
    public UserRecord? FindUser(int id) => Users.FindById(id);

    /// <summary>Adds a user; false when the name is taken.</summary>
    public bool TryAddUser(UserRecord user) => Write(() => TryAddUserCore(user));

    private bool TryAddUserCore(UserRecord user)
    {
        user.NormalizedName = Normalize(user.UserName);
        if (user.Created == default) user.Created = DateTime.UtcNow;
        if (user.SecurityStamp.Length == 0) user.SecurityStamp = NewSecurityStamp();
        try
        {
            Users.Insert(user);
            return true;
        }
        catch (LiteDB.LiteException ex) when (ex.ErrorCode == LiteDB.LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <summary>Replaces a user's password hash.</summary>
    public void UpdatePasswordHash(int userId, string hash) => Write(() =>
    {
        var user = Users.FindById(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        user.PasswordHash = hash;
        Users.Update(user);
    });

    /// <summary>Sets a new password hash and a new security stamp: every session signed in before is ended.</summary>
    public void ChangePassword(int userId, string hash) => Write(() =>
    {
        var user = Users.FindById(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        user.PasswordHash = hash;
        user.SecurityStamp = NewSecurityStamp();
        Users.Update(user);
    });

    /// <summary>Replaces a user's security stamp (ending every session of the user) and returns the new one.</summary>
    public string RotateSecurityStamp(int userId) => Write(() =>
    {
        var user = Users.FindById(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        user.SecurityStamp = NewSecurityStamp();
        Users.Update(user);
        return user.SecurityStamp;
    });

    /// <summary>The user's security stamp, made on first use for accounts created before stamps existed.</summary>
    public string SecurityStampOf(int userId)
    {
        var stamp = Users.FindById(userId)?.SecurityStamp ?? throw new KeyNotFoundException($"No user {userId}.");
        return stamp.Length > 0 ? stamp : RotateSecurityStamp(userId);
    }

    /// <summary>A fresh random security stamp.</summary>
    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Number of users.</summary>
    public int UserCount() => Users.Count();

    private static string Normalize(string name) => name.Trim().ToLowerInvariant();
}

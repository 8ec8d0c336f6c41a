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

    /// <summary>Number of users.</summary>
    public int UserCount() => Users.Count();

    private static string Normalize(string name) => name.Trim().ToLowerInvariant();
}

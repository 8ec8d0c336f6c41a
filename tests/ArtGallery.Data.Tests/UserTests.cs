namespace ArtGallery.Data.Tests;

public sealed class UserTests : IDisposable
{
    private readonly TempDatabase temp = new();

    [Fact]
    public void TryAddUser_SameNameDifferentCase_RefusesSecond()
    {
        using var db = temp.Open();
        Assert.True(db.TryAddUser(new UserRecord { UserName = "Alice", PasswordHash = "h1" }));
        Assert.False(db.TryAddUser(new UserRecord { UserName = "alice ", PasswordHash = "h2" }));
        Assert.Equal(1, db.UserCount());
    }

    [Fact]
    public void FindUser_AfterReopen_ReturnsStoredHashAndRole()
    {
        using (var db = temp.Open())
            db.TryAddUser(new UserRecord { UserName = "admin", PasswordHash = "hash", Role = Roles.Admin });
        using var reopened = temp.Open();
        var user = reopened.FindUser("ADMIN");
        Assert.NotNull(user);
        Assert.Equal("hash", user.PasswordHash);
        Assert.Equal(Roles.Admin, user.Role);
    }

    public void Dispose() => temp.Dispose();
}

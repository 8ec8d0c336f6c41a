using ArtGallery.Data;
using ArtGallery.Web.Backups;
using ArtGallery.Web.Components.Pages.Admin;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Components;

public sealed class BackupPanelTests : ComponentTestBase
{
    private readonly string data = AppFactory.NewDataDirectory();
    private readonly ArtGalleryDatabase db;

    public BackupPanelTests()
    {
        var options = Options.Create(new ArtGalleryOptions { DataDirectory = data, BackupMinFreeMegabytes = 0 });
        var paths = new DataPaths(options);
        db = new ArtGalleryDatabase(paths.Database);
        Services.AddSingleton(options);
        Services.AddSingleton(new BackupService(db, paths, options, NullLogger<BackupService>.Instance));
    }

    [Fact]
    public void BackUpNow_Admin_SavesArchiveAndListsIt()
    {
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);
        var panel = Render<BackupPanel>();
        panel.Find("[data-testid=backup-now]").Click();
        panel.WaitForAssertion(() => Assert.Contains("Saved artgallery-", panel.Find("[role=status]").TextContent), TimeSpan.FromSeconds(10));
        var link = panel.Find("[data-testid=backup-list] a");
        Assert.StartsWith("/api/admin/backups/artgallery-", link.GetAttribute("href"));
        Assert.Single(Directory.GetFiles(Path.Combine(data, "backups"), "artgallery-*.zip"));
    }

    [Fact]
    public void BackUpNow_NotAdmin_RefusedAndNothingWritten()
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(Roles.User);
        var panel = Render<BackupPanel>();
        panel.Find("[data-testid=backup-now]").Click();
        panel.WaitForAssertion(() => Assert.Equal("Admins only.", panel.Find("[role=status]").TextContent));
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "backups")));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        db.Dispose();
    }
}

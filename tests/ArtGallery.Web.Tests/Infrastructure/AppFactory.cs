using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>The real app in-process with its own data folder (reusable across restarts) and the tiny model as default.</summary>
public sealed class AppFactory(string dataDirectory, string? modelPath, IReadOnlyDictionary<string, string>? extra = null, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public const string AdminPassword = "test-Admin-Pass1";

    public string DataDirectory => dataDirectory;

    /// <summary>A fresh temp data folder.</summary>
    public static string NewDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ag-web-tests", "data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ArtGallery:DataDirectory", dataDirectory);
        builder.UseSetting("ArtGallery:AdminPassword", AdminPassword);
        builder.UseSetting("ArtGallery:DefaultModelPath", modelPath ?? Path.Combine(dataDirectory, "no-model.agmodel"));
        builder.UseSetting("ArtGallery:DirectionSamples", "32");
        builder.UseSetting("ArtGallery:LoginAttemptsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) builder.UseSetting(k, v);
        configure?.Invoke(builder);
    }
}

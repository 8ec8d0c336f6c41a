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
        foreach (var (k, v) in Settings()) builder.UseSetting(k, v);
        configure?.Invoke(builder);
    }

    /// <summary>
    /// Builds the app as Program does and starts it outside the factory, returning why the start failed. A failed start
    /// through <c>CreateClient</c> races: the app's own thread disposes the host while the factory's thread still reads
    /// its services, so the error can come back as an ObjectDisposedException instead of the app's message.
    /// </summary>
    public async Task<Exception> StartFailure()
    {
        var args = Settings().Select(s => $"--{s.Key}={s.Value}")
            .Append($"--{WebHostDefaults.ApplicationKey}={typeof(Program).Assembly.GetName().Name}").ToArray();
        await using var app = ArtGallery.Web.Composition.ArtGalleryApp.Build(args);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(stop.Token));
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["ArtGallery:DataDirectory"] = dataDirectory,
            ["ArtGallery:AdminPassword"] = AdminPassword,
            ["ArtGallery:DefaultModelPath"] = modelPath ?? Path.Combine(dataDirectory, "no-model.agmodel"),
            ["ArtGallery:DirectionSamples"] = "32",
            ["ArtGallery:LoginAttemptsPerMinute"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        return settings;
    }
}

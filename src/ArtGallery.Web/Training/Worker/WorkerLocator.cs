using System.Diagnostics;
using ArtGallery.Web.Infrastructure;

namespace ArtGallery.Web.Training.Worker;

/// <summary>
/// Finds the training worker: ArtGallery:WorkerPath, else the engine's artgallery.dll that the build copies next to the
/// web app (bin, test output, publish folder and the Docker image alike). A .dll runs under the same dotnet host.
/// </summary>
public static class WorkerLocator
{
    /// <summary>The worker's file name next to the app.</summary>
    public const string DefaultFile = "artgallery.dll";

    /// <summary>The worker's path for these options (it may not exist; <see cref="StartInfo"/> says so clearly).</summary>
    public static string PathFor(ArtGalleryOptions options) =>
        Path.GetFullPath(options.WorkerPath ?? Path.Combine(AppContext.BaseDirectory, DefaultFile));

    /// <summary>How to start `artgallery worker` with redirected stdin/stdout/stderr.</summary>
    public static ProcessStartInfo StartInfo(ArtGalleryOptions options)
    {
        var path = PathFor(options);
        if (!File.Exists(path))
            throw new InvalidOperationException($"The training worker '{path}' is missing; build src/ArtGallery.Cli or set ArtGallery:WorkerPath.");
        bool managed = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(managed ? DotnetHost() : path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (managed) info.ArgumentList.Add(path);
        info.ArgumentList.Add("worker");
        // Idle OpenMP threads of the worker's libtorch sleep instead of spinning, so they don't take the cores the
        // web app's renders need between training kernels.
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        foreach (var (name, value) in options.WorkerEnvironment) info.Environment[name] = value;
        return info;
    }

    // The host running this app (dotnet run, dotnet test, `dotnet ArtGallery.Web.dll`), else the SDK's, else PATH's.
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdk && File.Exists(sdk)) return sdk;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
            return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}

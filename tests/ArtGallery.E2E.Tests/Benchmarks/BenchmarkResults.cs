using System.Text.Json;

namespace ArtGallery.E2E.Tests.Benchmarks;

/// <summary>Collects benchmark numbers and rewrites one JSON file after each, so a partial run still leaves results.</summary>
public static class BenchmarkResults
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, object> Results = [];

    /// <summary>Where the JSON lands (ARTGALLERY_BENCH_OUT overrides).</summary>
    public static string FilePath =>
        Environment.GetEnvironmentVariable("ARTGALLERY_BENCH_OUT") is { Length: > 0 } p
            ? p
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "benchmarks", "e2e-benchmarks.json");

    /// <summary>Records one named result, writes the file, and returns a console line.</summary>
    public static string Record(string name, object result)
    {
        lock (Gate)
        {
            Results[name] = result;
            Results["_machine"] = new { Environment.ProcessorCount, Os = Environment.OSVersion.ToString(), Utc = DateTime.UtcNow };
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath, JsonSerializer.Serialize(Results, new JsonSerializerOptions { WriteIndented = true }));
        }
        var line = $"BENCH {name}: {JsonSerializer.Serialize(result)} -> {FilePath}";
        Console.WriteLine(line);
        return line;
    }
}

using static TorchSharp.torch;

namespace ArtGallery.Gan;

/// <summary>Picks the torch device: CUDA when asked for or available, else CPU.</summary>
public static class DeviceSelector
{
    /// <summary>The device choices, in the order offered.</summary>
    public static readonly IReadOnlyList<string> Names = ["auto", "cpu", "cuda"];

    /// <summary>A regular expression matching exactly one of <see cref="Names"/> (for validation attributes).</summary>
    public const string Pattern = "^(auto|cpu|cuda)$";

    /// <summary>"auto" -> CUDA if available else CPU; "cpu"; "cuda" (throws if unavailable).</summary>
    public static Device Pick(string choice = "auto")
    {
        switch (Validate(choice))
        {
            case "cpu": return CPU;
            case "cuda":
                if (!cuda.is_available()) throw new InvalidOperationException("CUDA was requested but is not available (CPU build of TorchSharp or no GPU).");
                return CUDA;
            default: return cuda.is_available() ? CUDA : CPU;
        }
    }

    /// <summary>"auto, cpu or cuda".</summary>
    public static string NameList => string.Join(", ", Names.Take(Names.Count - 1)) + " or " + Names[^1];

    /// <summary>Normalises and checks a device choice.</summary>
    public static string Validate(string choice)
    {
        var c = (choice ?? "auto").Trim().ToLowerInvariant();
        return Names.Contains(c) ? c : throw new ArgumentException($"Unknown device '{choice}': use {NameList}.");
    }
}

using System.Globalization;

namespace ArtGallery.Imaging;

/// <summary>Print orientation: portrait puts the longer side vertically.</summary>
public enum PrintOrientation
{
    /// <summary>Taller than wide.</summary>
    Portrait,
    /// <summary>Wider than tall.</summary>
    Landscape,
}

/// <summary>A print request that was invalid; the message is meant for the user.</summary>
public sealed class PrintSpecException(string message) : ArgumentException(message);

/// <summary>A physical print size at a DPI, and the exact pixel size it needs.</summary>
public sealed record PrintSpec
{
    /// <summary>Default pixel budget (100 megapixels, ~300 MB as RGB): bigger prints are refused.</summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>Largest side accepted, in inches.</summary>
    public const double MaxInches = 120;

    private PrintSpec(double widthInches, double heightInches, int dpi)
    {
        WidthInches = widthInches;
        HeightInches = heightInches;
        Dpi = dpi;
        PixelWidth = (int)Math.Round(widthInches * dpi);
        PixelHeight = (int)Math.Round(heightInches * dpi);
    }

    /// <summary>Width in inches (after orientation).</summary>
    public double WidthInches { get; }

    /// <summary>Height in inches (after orientation).</summary>
    public double HeightInches { get; }

    /// <summary>Dots per inch, 1..1200.</summary>
    public int Dpi { get; }

    /// <summary>Output width in pixels.</summary>
    public int PixelWidth { get; }

    /// <summary>Output height in pixels.</summary>
    public int PixelHeight { get; }

    /// <summary>Total pixels.</summary>
    public long Pixels => (long)PixelWidth * PixelHeight;

    /// <summary>Parses "12x15" (inches, either order), applies the orientation and checks DPI and the pixel budget.</summary>
    public static PrintSpec Create(string size, PrintOrientation orientation = PrintOrientation.Portrait, int dpi = 300, long maxPixels = DefaultMaxPixels)
    {
        var (a, b) = ParseSize(size);
        if (dpi is < 1 or > 1200) throw new PrintSpecException($"DPI must be 1..1200 (was {dpi}).");
        if (!Enum.IsDefined(orientation)) throw new PrintSpecException("Orientation must be portrait or landscape.");
        double shorter = Math.Min(a, b), longer = Math.Max(a, b);
        var spec = orientation == PrintOrientation.Portrait ? new PrintSpec(shorter, longer, dpi) : new PrintSpec(longer, shorter, dpi);
        if (spec.PixelWidth < 1 || spec.PixelHeight < 1) throw new PrintSpecException($"{size} at {dpi} DPI is smaller than one pixel.");
        if (spec.Pixels > maxPixels)
            throw new PrintSpecException($"{spec.PixelWidth}x{spec.PixelHeight} px ({spec.Pixels / 1e6:0.#} megapixels) exceeds the " +
                $"{maxPixels / 1e6:0.#} megapixel print budget; choose a smaller size or DPI.");
        return spec;
    }

    /// <summary>Like <see cref="Create"/> with the orientation as text ("portrait" or "landscape").</summary>
    public static PrintSpec Create(string size, string? orientation, int dpi = 300, long maxPixels = DefaultMaxPixels) =>
        Create(size, ParseOrientation(orientation), dpi, maxPixels);

    /// <summary>Validation without exceptions: returns false with a user-facing <paramref name="error"/>.</summary>
    public static bool TryCreate(string? size, string? orientation, int dpi, out PrintSpec? spec, out string? error, long maxPixels = DefaultMaxPixels)
    {
        try
        {
            spec = Create(size ?? "", orientation, dpi, maxPixels);
            error = null;
            return true;
        }
        catch (PrintSpecException ex)
        {
            spec = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>"portrait" (default when empty) or "landscape", case-insensitive.</summary>
    public static PrintOrientation ParseOrientation(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "portrait" => PrintOrientation.Portrait,
        "landscape" => PrintOrientation.Landscape,
        _ => throw new PrintSpecException($"Orientation must be portrait or landscape (was '{Clip(text)}')."),
    };

    private static (double, double) ParseSize(string? size)
    {
        var parts = (size ?? "").Trim().ToLowerInvariant().Replace('×', 'x').Replace("in", "").Split('x');
        if (parts.Length == 2 && TryInches(parts[0], out double a) && TryInches(parts[1], out double b)) return (a, b);
        throw new PrintSpecException($"Print size must look like 12x15 (inches, each 0 < side <= {MaxInches}); got '{Clip(size)}'.");
    }

    private static bool TryInches(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value > 0 && value <= MaxInches;

    private static string Clip(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "...";
}

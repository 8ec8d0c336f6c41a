using System.Diagnostics.CodeAnalysis;

namespace ArtGallery.Imaging;

/// <summary>The one check for names that reach a path or a key (run ids, sample and back-up file names, model ids, user
/// names): 1 to <see cref="MaxLength"/> ASCII letters, digits, '-', '_' or '.'. That leaves out separators, drive colons,
/// control characters and white space; on top, no leading '.' (hidden and temp files, "." and ".."), no "..", and no
/// Windows device name (CON, NUL, COM1...) so a name stays one plain file name on every platform.</summary>
public static class SafeName
{
    /// <summary>The longest name accepted unless a caller asks for less.</summary>
    public const int MaxLength = 80;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>True when <paramref name="name"/> is a safe name of at most <paramref name="maxLength"/> characters
    /// (a caller may ask for less than <see cref="MaxLength"/>, never more).</summary>
    public static bool IsValid([NotNullWhen(true)] string? name, int maxLength = MaxLength) =>
        !string.IsNullOrEmpty(name) && name.Length <= Math.Min(maxLength, MaxLength)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && name[0] != '.' && !name.Contains("..", StringComparison.Ordinal)
        && !Reserved.Contains(name.Split('.')[0]);
}

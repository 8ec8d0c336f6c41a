namespace ArtGallery.Cli;

/// <summary>
/// A one-line progress bar redrawn in place on a terminal; when output is redirected (CI, logs)
/// it prints a plain line at most every few seconds instead, so logs stay readable.
/// </summary>
public sealed class TerminalProgress(TextWriter output, bool interactive)
{
    private DateTime lastLine = DateTime.MinValue;
    private int lastLength;

    /// <summary>Draws the bar for <paramref name="fraction"/> (0..1) followed by <paramref name="status"/>.</summary>
    public void Update(double fraction, string status, bool force = false)
    {
        fraction = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        const int width = 24;
        int filled = (int)Math.Round(fraction * width);
        var line = $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction * 100,5:0.0}% {status}";
        if (interactive)
        {
            output.Write('\r' + line.PadRight(lastLength));
            lastLength = line.Length;
        }
        else if (force || DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5))
        {
            output.WriteLine(line);
            lastLine = DateTime.UtcNow;
        }
    }

    /// <summary>Prints a message on its own line without garbling the bar.</summary>
    public void Message(string text)
    {
        if (interactive && lastLength > 0) { output.WriteLine(); lastLength = 0; }
        output.WriteLine(text);
    }

    /// <summary>Ends the bar's line.</summary>
    public void Finish()
    {
        if (interactive && lastLength > 0) output.WriteLine();
        lastLength = 0;
    }
}

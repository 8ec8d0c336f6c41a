namespace ArtGallery.Web.Backups;

/// <summary><c>ArtGallery.Web --restore BACKUP.zip --into NEW_DATA_DIR</c>: restores and exits without starting the server.</summary>
public static class RestoreCommand
{
    /// <summary>True when the arguments ask for a restore.</summary>
    public static bool Requested(string[] args) => args.Contains("--restore");

    /// <summary>Runs the restore; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? zip = Value(args, "--restore"), into = Value(args, "--into");
        if (zip is null || into is null)
        {
            error.WriteLine("usage: ArtGallery.Web --restore BACKUP.zip --into NEW_DATA_DIR");
            return 2;
        }
        try
        {
            var report = BackupRestore.Restore(zip, into);
            output.WriteLine($"Restored {report.Files} files ({report.Bytes:N0} bytes) into {report.DataDirectory}; {report.PathsRebased} stored paths moved.");
            output.WriteLine($"Start the app on it with ArtGallery__DataDirectory={report.DataDirectory}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            error.WriteLine($"Restore failed: {ex.Message}");
            return 1;
        }
        catch (Exception ex)
        {
            // Anything else is a bug or an archive this version cannot read; still one line and exit 1, never a crash dump.
            error.WriteLine($"Restore failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

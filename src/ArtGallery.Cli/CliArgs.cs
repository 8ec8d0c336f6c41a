using System.Globalization;

namespace ArtGallery.Cli;

/// <summary>A user mistake on the command line: printed as one clear line, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>
/// The options of one command: "--name value" pairs and bare "--flag"s. Every option must be
/// declared by the command that reads it, so a typo is reported instead of silently ignored.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private CliArgs() { }

    /// <summary>Parses options; <paramref name="flags"/> names the options that take no value.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, params string[] flags)
    {
        var result = new CliArgs();
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length < 3)
                throw new CliException($"unexpected argument '{a}' (options look like --name value)");
            var name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new CliException($"--{name} needs a value");
                value = args[++i];
            }
            if (!result.values.TryAdd(name, value)) throw new CliException($"--{name} is given twice");
        }
        return result;
    }

    /// <summary>The plain argument of an <see cref="IHasArgument"/> command (watch URL), or null when none was given.</summary>
    public string? Argument { get; private set; }

    /// <summary>This, with the command's plain argument.</summary>
    public CliArgs WithArgument(string? argument)
    {
        Argument = argument;
        return this;
    }

    /// <summary>True when the bare flag is present.</summary>
    public bool Flag(string name) { read.Add(name); return values.ContainsKey(name); }

    /// <summary>The value of an option, or null when absent.</summary>
    public string? Optional(string name) { read.Add(name); return values.GetValueOrDefault(name); }

    /// <summary>The value of an option that must be present.</summary>
    public string Required(string name) =>
        Optional(name) ?? throw new CliException($"--{name} is required");

    /// <summary>An integer option within [min, max], or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, int fallback, int min, int max) =>
        (int)Long(name, fallback, min, max);

    /// <summary>A 64-bit integer option within [min, max], or <paramref name="fallback"/> when absent.</summary>
    public long Long(string name, long fallback, long min, long max)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new CliException($"--{name} must be a whole number, got '{text}'");
        if (v < min || v > max) throw new CliException($"--{name} must be between {min} and {max}, got {v}");
        return v;
    }

    /// <summary>A number option within [min, max], or <paramref name="fallback"/> when absent.</summary>
    public double Double(string name, double fallback, double min, double max)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new CliException($"--{name} must be a number, got '{text}'");
        if (v < min || v > max) throw new CliException($"--{name} must be between {min} and {max}, got {v}");
        return v;
    }

    /// <summary>A resolution option: a power of two within [min, max].</summary>
    public int PowerOfTwo(string name, int fallback, int min, int max)
    {
        int v = Int(name, fallback, min, max);
        if ((v & (v - 1)) != 0) throw new CliException($"--{name} must be a power of two ({min}..{max}), got {v}");
        return v;
    }

    /// <summary>Call after reading every option: rejects the ones nobody asked for.</summary>
    public void EnsureAllUsed()
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new CliException($"unknown option --{unknown[0]}");
    }
}

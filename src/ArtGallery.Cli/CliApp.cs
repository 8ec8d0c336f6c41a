namespace ArtGallery.Cli;

/// <summary>Where a command writes and what can stop it.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Err, CancellationToken Cancel);

/// <summary>One verb of the artgallery command.</summary>
public interface ICliCommand
{
    /// <summary>The words that select it, e.g. "bench train".</summary>
    string Verb { get; }

    /// <summary>One usage line shown by help and on mistakes.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(CliArgs args, CliContext context);
}

/// <summary>Parses the verb, runs the command, and turns every failure into one clear line.</summary>
public static class CliApp
{
    /// <summary>Every verb the command knows, longest verbs first so "bench train" wins over "bench".</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new Commands.DatasetExportCommand(),
        new Commands.TrainCommand(),
        new Commands.GenerateCommand(),
        new Commands.EvaluateCommand(),
        new Commands.ExportModelCommand(),
        new Commands.BenchTrainCommand(),
        new Commands.BenchGenerateCommand(),
        new Commands.BenchQualityCommand(),
        new Commands.WorkerCommandVerb(),
        new Commands.DetailTrainCommand(),
        new Commands.DetailCalibrateCommand(),
        new Commands.UpscaleCommand(),
        new Commands.BenchDetailCommand(),
        new Commands.BenchPrintCommand(),
        new Commands.WatchCommand(),
    ];

    /// <summary>Runs the command line; 0 success, 1 failure while running, 2 bad usage.</summary>
    public static int Run(string[] args, CliContext context)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(context.Out);
            return args.Length == 0 ? 2 : 0;
        }
        var command = Commands
            .Where(c => c.Verb.Split(' ') is var words && words.Length <= args.Length && words.SequenceEqual(args.Take(words.Length)))
            .MaxBy(c => c.Verb.Length);
        if (command is null)
        {
            context.Err.WriteLine($"artgallery: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'");
            PrintUsage(context.Err);
            return 2;
        }
        try
        {
            var options = args.Skip(command.Verb.Split(' ').Length).ToArray();
            if (options is ["--help"] or ["-h"]) { context.Out.WriteLine($"usage: artgallery {command.Usage}"); return 0; }
            // A command that takes one plain argument (watch URL) gets it first; everything after it is --options.
            string? argument = null;
            if (command is IHasArgument && options is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal))
                (argument, options) = (first, options[1..]);
            return command.Run(CliArgs.Parse(options, FlagsOf(command)).WithArgument(argument), context);
        }
        catch (CliException e)
        {
            context.Err.WriteLine($"artgallery {command.Verb}: {e.Message}");
            context.Err.WriteLine($"usage: artgallery {command.Usage}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            context.Err.WriteLine($"artgallery {command.Verb}: cancelled");
            return 130;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ARTGALLERY_DEBUG") != "1")
        {
            // A failure while running (bad data, unreadable checkpoint, ...): its message, no stack trace.
            context.Err.WriteLine($"artgallery {command.Verb}: error: {e.Message}");
            return 1;
        }
    }

    private static string[] FlagsOf(ICliCommand command) =>
        command is IHasFlags f ? f.Flags : [];

    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine("usage:");
        foreach (var c in Commands) w.WriteLine($"  artgallery {c.Usage}");
    }
}

/// <summary>A command whose first word after the verb is a plain argument (e.g. watch URL), read with CliArgs.Argument.</summary>
public interface IHasArgument;

/// <summary>A command with options that take no value (e.g. --resume, --json).</summary>
public interface IHasFlags
{
    /// <summary>Names of the value-less options.</summary>
    string[] Flags { get; }
}

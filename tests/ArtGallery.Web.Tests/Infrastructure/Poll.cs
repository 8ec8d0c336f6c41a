namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>Bounded polling: every wait in the tests ends, with a message saying what never happened.</summary>
public static class Poll
{
    /// <summary>Waits until <paramref name="done"/> holds; throws TimeoutException with <paramref name="what"/> after <paramref name="limit"/>.</summary>
    public static async Task UntilAsync(Func<bool> done, TimeSpan limit, string what, int everyMs = 10)
    {
        var until = DateTime.UtcNow + limit;
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {limit.TotalSeconds:F0} s for {what}.");
            await Task.Delay(everyMs);
        }
    }

    /// <summary>The same with an asynchronous condition (e.g. an HTTP probe).</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan limit, string what, int everyMs = 10)
    {
        var until = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {limit.TotalSeconds:F0} s for {what}.");
            await Task.Delay(everyMs);
        }
    }
}

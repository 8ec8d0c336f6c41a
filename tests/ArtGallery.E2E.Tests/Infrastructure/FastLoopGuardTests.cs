namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>`./scripts/test.sh --fast` has no browser test: every journey class carries the Slow trait (four did not, and
/// put two and a half minutes of browser work into the fast loop).</summary>
public sealed class FastLoopGuardTests
{
    [Fact]
    public void EveryBrowserTest_IsMarkedSlow()
    {
        var unmarked = typeof(BrowserTest).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(BrowserTest)))
            .Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments is [{ Value: "Category" }, { Value: "Slow" }]))
            .Select(t => t.Name).Order().ToList();
        Assert.Empty(unmarked);
    }
}

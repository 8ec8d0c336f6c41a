using ArtGallery.Web.Hosting;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>The glibc call behind the soak fix binds and succeeds here (a wrong library or entry point would make them no-ops).</summary>
public class NativeHeapTests
{
    [Fact]
    public void OnLinux_ArenaLimit_IsAppliedByGlibc()
    {
        Assert.True(OperatingSystem.IsLinux(), "the CI and Docker image are Debian");
        Assert.True(NativeHeap.LimitArenas(2));
    }
}

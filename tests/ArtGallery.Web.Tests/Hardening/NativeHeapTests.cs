using ArtGallery.Gan;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>The glibc calls behind the soak fix bind and succeed here (a wrong library or entry point would make them no-ops).</summary>
public class NativeHeapTests
{
    [Fact]
    public void OnLinux_ArenaLimitAndTrim_AreAppliedByGlibc()
    {
        Assert.True(OperatingSystem.IsLinux(), "the CI and Docker image are Debian");
        Assert.True(NativeHeap.LimitArenas(2));
        Assert.True(NativeHeap.Trim());
    }

    [Fact]
    public void OnLinux_TensorBufferThresholds_AreAcceptedByGlibc()
    {
        Assert.True(OperatingSystem.IsLinux(), "the CI and Docker image are Debian");
        Assert.True(NativeHeap.KeepTensorBuffers());
    }
}

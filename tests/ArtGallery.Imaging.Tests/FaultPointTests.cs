namespace ArtGallery.Imaging.Tests;

/// <summary>The test-only fault switch: its setting's grammar, and that an unset switch never stops anything (this process has
/// none set, as every production process). The pauses themselves are exercised by the Web tests' crash tests.</summary>
public sealed class FaultPointTests
{
    [Theory]
    [InlineData("checkpoint-temp-written", "checkpoint-temp-written", 1)]
    [InlineData(" checkpoint-written:3 ", "checkpoint-written", 3)]
    public void Parse_NameAndOptionalCount(string setting, string name, int nth) => Assert.Equal((name, nth), FaultPoint.Parse(setting));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("checkpoint-written:0")]
    [InlineData("checkpoint-written:x")]
    [InlineData("a:1:2")]
    public void Parse_UnsetOrMalformed_Null(string? setting) => Assert.Null(FaultPoint.Parse(setting));

    [Fact]
    public async Task Reach_SwitchUnset_ReturnsAtOnce()
    {
        Assert.Null(Environment.GetEnvironmentVariable(FaultPoint.PauseAtVariable));
        await Task.Run(() => FaultPoint.Reach(FaultPoint.CheckpointTempWritten, "x")).WaitAsync(TimeSpan.FromSeconds(30));
    }
}

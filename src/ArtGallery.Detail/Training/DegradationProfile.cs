namespace ArtGallery.Detail.Training;

/// <summary>
/// How a generator's samples differ from real images at the generator's resolution: a Gaussian blur (sigma in
/// low-resolution pixels) and additive Gaussian noise (standard deviation in [-1, 1] units), applied after an
/// exact x4 area downsample and before 8-bit quantisation. Fitted by <see cref="SpectrumCalibration"/>.
/// </summary>
public sealed record DegradationProfile(double BlurSigma, double Noise)
{
    /// <summary>Area downsampling only.</summary>
    public static DegradationProfile Clean { get; } = new(0, 0);

    /// <summary>Checks the values are usable.</summary>
    public DegradationProfile Validated() =>
        double.IsFinite(BlurSigma) && BlurSigma is >= 0 and <= 4 && double.IsFinite(Noise) && Noise is >= 0 and <= 0.5
            ? this
            : throw new ArgumentOutOfRangeException(nameof(BlurSigma), $"Degradation out of range: blur {BlurSigma}, noise {Noise}.");

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"blur sigma {BlurSigma:0.00} px, noise {Noise * 127.5:0.0}/255");
}

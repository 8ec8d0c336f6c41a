using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ArtGallery.Features.Tests;

public sealed class NoImplicitScalarTests
{
    /// <summary>TorchSharp 0.107's implicit Scalars can be finalized mid-call (src/ArtGallery.Gan/ENGINE.md): none may be referenced.</summary>
    [Fact]
    public void FeaturesAssembly_ReferencesNoImplicitScalarConversion()
    {
        using var pe = new PEReader(File.OpenRead(typeof(ResNet18Features).Assembly.Location));
        var md = pe.GetMetadataReader();
        var offenders = md.MemberReferences.Select(md.GetMemberReference)
            .Where(m => md.GetString(m.Name) == "op_Implicit" && m.Parent.Kind == HandleKind.TypeReference
                && md.GetString(md.GetTypeReference((TypeReferenceHandle)m.Parent).Name) == "Scalar")
            .ToList();
        Assert.Empty(offenders);
    }
}

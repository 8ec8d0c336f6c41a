namespace ArtGallery.Gan.Tests;

/// <summary>The built assembly of every project under src/ (same configuration and framework as this test).</summary>
internal static class ProjectAssemblies
{
    /// <summary>The repository's root folder (the one holding ArtGallery.sln).</summary>
    public static string RepoRoot()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ArtGallery.sln"))) root = root.Parent;
        Assert.True(root is not null, $"ArtGallery.sln not found above {here.FullName}");
        return root!.FullName;
    }

    public static IReadOnlyList<string> All()
    {
        // This test runs from tests/ArtGallery.Gan.Tests/bin/<configuration>/<framework>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent!.Name;
        var paths = new List<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(RepoRoot(), "src")).Order())
        {
            string csproj = Path.Combine(project, Path.GetFileName(project) + ".csproj");
            if (!File.Exists(csproj)) continue;
            string name = System.Xml.Linq.XDocument.Load(csproj).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
                ?? Path.GetFileName(project);
            string path = Path.Combine(project, "bin", configuration, framework, name + ".dll");
            Assert.True(File.Exists(path), $"{path} is missing: build the solution ({configuration}) first");
            paths.Add(path);
        }
        Assert.True(paths.Count >= 6, $"only {paths.Count} projects found under src/");
        return paths;
    }
}

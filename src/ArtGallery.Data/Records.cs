using ArtGallery.Contracts;

namespace ArtGallery.Data;

/// <summary>A person who can sign in; the hash comes from ASP.NET Core's PasswordHasher.</summary>
public sealed class UserRecord
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>User name as typed at registration.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Lower-case user name, unique.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>PasswordHasher output (never the password).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>"admin" or "user".</summary>
    public string Role { get; set; } = Roles.User;

    /// <summary>When the account was created (UTC).</summary>
    public DateTime Created { get; set; }

    /// <summary>Random value carried by every sign-in cookie; changing it (sign-out, password change) ends every session.</summary>
    public string SecurityStamp { get; set; } = "";
}

/// <summary>Role names.</summary>
public static class Roles
{
    /// <summary>May train, upload datasets and pick the active model.</summary>
    public const string Admin = "admin";

    /// <summary>May keep favorites.</summary>
    public const string User = "user";
}

/// <summary>An artwork a user hearted, stored by what reproduces it.</summary>
public sealed class FavoriteRecord
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Owner.</summary>
    public int UserId { get; set; }

    /// <summary>Model id (content hash).</summary>
    public string ModelId { get; set; } = "";

    /// <summary>Latent seed.</summary>
    public long Seed { get; set; }

    /// <summary>Truncation psi.</summary>
    public float Truncation { get; set; } = 1f;

    /// <summary>Canonical edit string ("" when none).</summary>
    public string Edits { get; set; } = "";

    /// <summary>An interpolation frame's "toSeed:t" ("" for the seed's own picture).</summary>
    public string Mix { get; set; } = "";

    /// <summary>A conditioned model's canonical "like=N&amp;palette=RRGGBB-..." ("" for the picture the seed picks, in its own colours).</summary>
    public string Condition { get; set; } = "";

    /// <summary>Unique per user: user + model + seed + truncation + edits (+ mix, + condition).</summary>
    public string Key { get; set; } = "";

    /// <summary>When it was saved (UTC).</summary>
    public DateTime Created { get; set; }
}

/// <summary>A generator model the gallery can render from.</summary>
public sealed class ModelRecord
{
    /// <summary>Model id (ArtGenerator.ModelId).</summary>
    public string Id { get; set; } = "";

    /// <summary>Path of the .agmodel file.</summary>
    public string Path { get; set; } = "";

    /// <summary>Output side in pixels.</summary>
    public int Resolution { get; set; }

    /// <summary>Where it came from ("bundled default", a run id).</summary>
    public string Source { get; set; } = "";

    /// <summary>When it was registered (UTC).</summary>
    public DateTime Created { get; set; }

    /// <summary>True for the one model the gallery shows.</summary>
    public bool Active { get; set; }
}

/// <summary>A training run and its last known state.</summary>
public sealed class TrainingRunRecord
{
    /// <summary>Run id (also its folder name under runs/).</summary>
    public string Id { get; set; } = "";

    /// <summary>Dataset spec the run trains on.</summary>
    public string Dataset { get; set; } = "";

    /// <summary>TrainingOptions as JSON.</summary>
    public string OptionsJson { get; set; } = "";

    /// <summary>Running while a worker trains it; how it ended otherwise (stored as the lower-case word).</summary>
    public JobStatus Status { get; set; } = JobStatus.Running;

    /// <summary>Current phase name.</summary>
    public string Phase { get; set; } = "";

    /// <summary>Thousands of images shown so far.</summary>
    public double Kimg { get; set; }

    /// <summary>Schedule length in kimg.</summary>
    public double TotalKimg { get; set; }

    /// <summary>Newest sample grid path.</summary>
    public string? LastSample { get; set; }

    /// <summary>Error text when it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Start time (UTC).</summary>
    public DateTime Started { get; set; }

    /// <summary>Last update (UTC).</summary>
    public DateTime Updated { get; set; }
}

/// <summary>An uploaded dataset folder.</summary>
public sealed class DatasetRecord
{
    /// <summary>Dataset id (folder name under datasets/).</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Folder path.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Number of accepted images.</summary>
    public int ImageCount { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime Created { get; set; }
}

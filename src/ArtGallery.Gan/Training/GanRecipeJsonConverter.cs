using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtGallery.Gan.Training;

/// <summary>
/// Writes a recipe by its enum name ("Dcgan"); reads that, any case, or a recipe's name or alias: run.json and checkpoints
/// written by older builds say "Seed", hand-written options files "seed" or "dcgan". A number is kept as it is, so an
/// unknown value fails validation in words ("Unknown recipe 99.").
/// </summary>
public sealed class GanRecipeJsonConverter : JsonConverter<GanRecipe>
{
    public override GanRecipe Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return (GanRecipe)reader.GetInt32();
        string text = reader.GetString() ?? "";
        if (Enum.GetNames<GanRecipe>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name) return Enum.Parse<GanRecipe>(name);
        return GanRecipes.Parse(text.ToLowerInvariant()) ?? throw new JsonException($"Unknown recipe '{text}': use {GanRecipes.NameList}.");
    }

    public override void Write(Utf8JsonWriter writer, GanRecipe value, JsonSerializerOptions options)
    {
        if (Enum.IsDefined(value)) writer.WriteStringValue(value.ToString());
        else writer.WriteNumberValue((int)value);
    }
}

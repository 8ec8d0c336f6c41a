using ArtGallery.Web.Accounts;
using ArtGallery.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddArtGalleryData();
builder.AddArtGalleryAccounts();
builder.AddArtGalleryRendering();
builder.AddArtGalleryTraining();
builder.AddArtGalleryUi();

var app = builder.Build();
app.MapArtGallery();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;

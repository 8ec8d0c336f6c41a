var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;

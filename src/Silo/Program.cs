using Grains.Hosting;
using Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddBookingSilo();
builder.UseSiloHealthPort();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();

using Grains.Hosting;
using Runtime.Cluster;
using Runtime.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseSiloEndpoints();
builder.Services.AddBookingGrains(builder.Configuration);
builder.Services.AddSiloClustering(builder.Configuration);

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();

using Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBookingRuntime();
builder.AddBookingApi();

var app = builder.Build();
app.UseBookingApi();
app.MapBookingApi();
app.Run();

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;

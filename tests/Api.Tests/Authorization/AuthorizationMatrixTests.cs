using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Api.Tests.Authorization;

/// <summary>Every operation of the OpenAPI document, called by every kind of caller, answers the status its matrix row expects.</summary>
public sealed partial class AuthorizationMatrixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] _methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task EveryOperationOfTheOpenApiDocumentHasARow()
    {
        var operations = await OperationsAsync();

        var missing = operations.Where(o => !AuthorizationMatrix.Rows.ContainsKey(o)).ToList();
        Assert.True(missing.Count == 0, $"Operations without a row in AuthorizationMatrix: {string.Join(", ", missing)}");
        var stale = AuthorizationMatrix.Rows.Keys.Where(k => !operations.Contains(k)).ToList();
        Assert.True(stale.Count == 0, $"Rows of AuthorizationMatrix for operations the document does not have: {string.Join(", ", stale)}");
        var strayVariants = AuthorizationMatrix.Variants.Keys.Where(k => !operations.Contains(k[..k.IndexOf('?')])).ToList();
        Assert.True(strayVariants.Count == 0, $"Variants of AuthorizationMatrix for operations the document does not have: {string.Join(", ", strayVariants)}");
    }

    [Fact]
    public async Task EveryCallerGetsTheExpectedStatusFromEveryOperation()
    {
        var operations = await OperationsAsync();
        var world = await MatrixWorld.CreateAsync(factory);
        var cells = operations.Where(AuthorizationMatrix.Rows.ContainsKey)
            .Select(operation => (operation, row: AuthorizationMatrix.Rows[operation]))
            .Concat(AuthorizationMatrix.Variants.Select(v => (operation: v.Key, row: v.Value)))
            .SelectMany(o => Enum.GetValues<Caller>().Select(caller => (o.operation, o.row, caller)))
            .ToList();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (cell, _) =>
        {
            if (await CheckAsync(world, cell.operation, cell.row, cell.caller) is { } failure) failures.Add(failure);
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cells.Count} requests answered another status:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal))}");
    }

    private static async Task<string?> CheckAsync(MatrixWorld world, string operation, Row row, Caller caller)
    {
        var context = new CellContext(world, world.NewBuyer());
        var user = world.As(caller, context.Buyer);
        context.Caller = user ?? new TestUser(ApiDriver.NewId("anon"), "");
        if (row.Setup is not null) await row.Setup(context);
        if (row.Values?.Invoke(context) is { } values)
        {
            foreach (var (name, value) in values) context.Values[name] = value;
        }

        var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
        var path = RouteParameter().Replace(template, m => context.Values.TryGetValue(m.Groups[1].Value, out var value)
            ? Uri.EscapeDataString(value)
            : throw new InvalidOperationException($"{operation}: no value for {{{m.Groups[1].Value}}}.")) + row.Query;

        var response = await world.Api.SendAsync(new HttpMethod(method), path, user, row.Body?.Invoke(context));
        var expected = row.Expected(caller);
        if ((int)response.StatusCode == expected) return null;

        var body = await response.Content.ReadAsStringAsync();
        return $"{operation} as {caller}: expected {expected}, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
    }

    private async Task<HashSet<string>> OperationsAsync()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>(Hosting.BookingApiEndpoints.OpenApiPath);
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => _methods.Contains(m.Name)))
            {
                operations.Add($"{method.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        Assert.NotEmpty(operations);
        return operations;
    }

    [GeneratedRegex("\\{([A-Za-z]+)\\}")]
    private static partial Regex RouteParameter();
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Invocation;

namespace Runtime.Cluster;

/// <summary>The silo side of internal calls: checks the secret and ownership, then runs the call here.</summary>
public static class GrainCallEndpoint
{
    public static IEndpointRouteBuilder MapGrainCallEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(WireErrors.CallPath, HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        if (!SecretMatches(context.Request.Headers[WireErrors.SecretHeader], options.Secret))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, WireErrors.Failed, "cluster secret missing or wrong");
            return;
        }

        var codec = services.GetRequiredService<CallCodec>();
        var runtime = services.GetRequiredService<GrainRuntime>();
        var registry = services.GetRequiredService<GrainTypeRegistry>();
        var membership = services.GetRequiredService<ClusterMembership>();
        var self = services.GetRequiredService<LocalSilo>();

        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var (grainId, methodName, arguments) = codec.DecodeRequestHeader(document);
        if (self.Leaving || membership.View.OwnerOf(grainId)?.SiloId != self.SiloId)
        {
            await WriteErrorAsync(context, WireErrors.WrongSiloStatus, WireErrors.WrongSilo, $"{self.SiloId} is not the owner of {grainId}");
            return;
        }

        if (!registry.TryGetClass(grainId.Type, out var grainClass))
        {
            await WriteErrorAsync(context, WireErrors.FailedStatus, WireErrors.Failed, $"unknown grain type '{grainId.Type}'");
            return;
        }

        var method = GrainMethodCache.Get(grainClass.InterfaceType, methodName);
        var call = method.CreateCall(codec.DecodeArguments(method, arguments));
        try
        {
            runtime.Catalog.Dispatch(grainId, call);
            await call.ResultTask;
        }
        catch (OverloadedException e)
        {
            await WriteErrorAsync(context, WireErrors.OverloadedStatus, WireErrors.Overloaded, e.Message);
            return;
        }
        catch (RetriableGrainException e)
        {
            await WriteErrorAsync(context, WireErrors.RetriableStatus, WireErrors.Retriable, e.Message);
            return;
        }
        catch (Exception e)
        {
            await WriteErrorAsync(context, WireErrors.FailedStatus, WireErrors.Failed, e.Message);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(codec.EncodeResult(method, call.BoxedResult), context.RequestAborted);
    }

    private static bool SecretMatches(string? given, string? expected) =>
        !string.IsNullOrEmpty(expected) && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static async Task WriteErrorAsync(HttpContext context, int status, string kind, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(CallCodec.EncodeError(kind, message));
    }
}

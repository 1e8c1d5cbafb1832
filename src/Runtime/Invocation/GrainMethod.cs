using System.Reflection;
using Runtime.Activation;

namespace Runtime.Invocation;

/// <summary>
/// A grain interface method, described once and cached: how to call it on an instance, the
/// result type for the wire, and a factory for the typed work item of a call.
/// </summary>
internal abstract class GrainMethod(MethodInfo method)
{
    public MethodInfo Method { get; } = method;

    public string Name { get; } = method.DeclaringType!.Name + "." + method.Name;

    public Type[] ParameterTypes { get; } = method.GetParameters().Select(p => p.ParameterType).ToArray();

    /// <summary>The T of Task&lt;T&gt;, or null for Task.</summary>
    public abstract Type? ResultType { get; }

    public abstract GrainCall CreateCall(object?[] arguments);

    public static GrainMethod For(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task)) return new VoidGrainMethod(method);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var type = typeof(GrainMethod<>).MakeGenericType(returnType.GetGenericArguments()[0]);
            return (GrainMethod)Activator.CreateInstance(type, method)!;
        }

        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>, not {returnType.Name}.");
    }

    internal Task InvokeOn(object grain, object?[] arguments)
    {
        try
        {
            return (Task)Method.Invoke(grain, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return Task.FromException(e.InnerException);
        }
    }
}

internal sealed class GrainMethod<T>(MethodInfo method) : GrainMethod(method)
{
    public override Type ResultType => typeof(T);

    public override GrainCall CreateCall(object?[] arguments) => new GrainCall<T>(this, arguments);
}

internal sealed class VoidGrainMethod(MethodInfo method) : GrainMethod(method)
{
    public override Type? ResultType => null;

    public override GrainCall CreateCall(object?[] arguments) => new GrainCall<object?>(this, arguments);
}

namespace Runtime.Invocation;

/// <summary>Carries a call to wherever its grain lives: this silo's catalog or another silo.</summary>
internal interface IGrainCallRouter
{
    /// <summary>Returns the call's task: Task&lt;T&gt; for methods returning Task&lt;T&gt;.</summary>
    Task Invoke(GrainId grainId, GrainMethod method, object?[] arguments);
}

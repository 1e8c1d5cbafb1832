namespace Runtime;

/// <summary>Marker for grain interfaces. Every method must return <see cref="Task"/> or <see cref="Task{T}"/>.</summary>
public interface IGrain;

/// <summary>A grain identified by a string key (Orleans: IGrainWithStringKey).</summary>
public interface IGrainWithStringKey : IGrain;

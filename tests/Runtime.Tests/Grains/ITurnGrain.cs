using Runtime;

namespace Runtime.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Enters, yields, leaves; throws if another call was inside at the same time.</summary>
    Task<int> Enter();

    Task Block(string gate);

    Task<string> ActivationId();
}

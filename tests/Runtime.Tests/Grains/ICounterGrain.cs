using Runtime;

namespace Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task<string> ActivationId();

    Task RemindMeIn(TimeSpan dueTime);
}

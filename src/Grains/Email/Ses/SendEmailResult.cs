namespace Grains.Email.Ses;

/// <summary>
/// Outcome of a send. Expected failures are values rather than exceptions so that callers must
/// decide about retrying.
/// </summary>
public abstract record SendEmailResult;

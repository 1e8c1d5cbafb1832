namespace Api.Requests;

/// <summary>A request body that checks itself before any grain is called, so a bad request never causes a partial write.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

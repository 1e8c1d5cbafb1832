using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Abstractions;

/// <summary>Source-generated JSON contracts of the user, email and campaign grain calls that cross process boundaries.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(UserProfileUpdate))]
[JsonSerializable(typeof(Outcome<UserView>))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(IReadOnlyList<HostedEvent>))]
[JsonSerializable(typeof(UserCounters))]
[JsonSerializable(typeof(EmailStats))]
[JsonSerializable(typeof(EmailRequest))]
[JsonSerializable(typeof(EmailView))]
[JsonSerializable(typeof(StartCampaign))]
[JsonSerializable(typeof(Outcome<CampaignView>))]
[JsonSerializable(typeof(CampaignView))]
public sealed partial class UserEngagementJsonContext : JsonSerializerContext;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cherry.Integration.Tests.App;

/// <summary>DataAnnotations on query parameters and on JSON bodies, nested, in collections and self-validating.</summary>
public sealed class ValidationRoot
{
    [Exposed]
    public string Search([Required, StringLength(10, MinimumLength = 2)] string q, [Range(1, 50)] int page = 1, [EmailAddress] string? notify = null) =>
        $"{q}:{page}:{notify}";

    [Exposed, JsonOut]
    public ValidatedReceipt Order([JsonBody] ValidatedOrder order) => new(order.Lines.Count, order.Customer!);

    [Exposed, JsonOut]
    public int Lines([JsonBody] ValidatedLine[] lines) => lines.Length;

    [Exposed, JsonOut]
    public int Tree([JsonBody] ValidatedNode node) => node.Children.Count;
}

public sealed record ValidatedLine([Required, StringLength(8, MinimumLength = 2)] string Sku, [Range(1, 99)] int Quantity);

public sealed record ValidatedAddress([property: Required] string? Street, [property: RegularExpression("^[0-9]{5}$")] string? Zip);

public sealed record ValidatedReceipt(int Lines, string Customer);

public sealed class ValidatedOrder : IValidatableObject
{
    [Required, Display(Name = "Customer name")]
    public string? Customer { get; set; }

    [JsonPropertyName("ship_to")]
    public ValidatedAddress? ShipTo { get; set; }

    [MinLength(1)]
    public List<ValidatedLine> Lines { get; set; } = [];

    public bool Gift { get; set; }

    public string? Message { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Gift && string.IsNullOrEmpty(Message))
        {
            yield return new ValidationResult("A gift needs a message.", [nameof(Message)]);
        }
    }
}

/// <summary>A recursive type: its nesting is the client's to choose, so the walk is capped.</summary>
public sealed class ValidatedNode
{
    [StringLength(3)]
    public string? Name { get; set; }

    public List<ValidatedNode> Children { get; set; } = [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, MaxDepth = 256)]
[JsonSerializable(typeof(ValidatedOrder))]
[JsonSerializable(typeof(ValidatedLine[]))]
[JsonSerializable(typeof(ValidatedNode))]
[JsonSerializable(typeof(ValidatedReceipt))]
[JsonSerializable(typeof(int))]
internal sealed partial class ValidationJsonContext : JsonSerializerContext;

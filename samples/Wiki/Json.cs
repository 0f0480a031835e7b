using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Wiki;

/// <summary>A page as the JSON API shows it.</summary>
public sealed record PageDto(string Name, string Title, string Text, DateTimeOffset Modified, string ModifiedBy)
{
    public static PageDto From(WikiPage page) => new(page.Name, page.Title, page.Text, page.Modified, page.ModifiedBy);
}

/// <summary>One line of the page list.</summary>
public sealed record PageSummary(string Name, string Title, DateTimeOffset Modified);

/// <summary>
/// The body of <c>PUT /api/pages/{name}</c>: a missing or null title is a 400 naming it; a blank or too long one, or a
/// too long text, fails its rule and is a 400 listing each member (checked before the handler runs).
/// </summary>
public sealed class PageInput
{
    [Required, StringLength(PageStore.MaxTitleLength)]
    public required string Title { get; init; }

    [StringLength(PageStore.MaxTextLength)]
    public string Text { get; init; } = "";
}

/// <summary>The body of <c>POST /api/pages/</c>: like <see cref="PageInput"/>, with the new page's name.</summary>
public sealed class NewPageInput
{
    [Required, RegularExpression(PageStore.NamePattern, ErrorMessage = "A page name is 1 to 64 letters, digits, '-' or '_'.")]
    public required string Name { get; init; }

    [Required, StringLength(PageStore.MaxTitleLength)]
    public required string Title { get; init; }

    [StringLength(PageStore.MaxTextLength)]
    public string Text { get; init; } = "";
}

// RespectNullableAnnotations: {"title": null} is refused like a missing title, instead of reaching the handler.
[JsonSerializable(typeof(PageDto))]
[JsonSerializable(typeof(PageDto[]))]
[JsonSerializable(typeof(PageSummary[]))]
[JsonSerializable(typeof(PageInput))]
[JsonSerializable(typeof(NewPageInput))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true)]
internal sealed partial class WikiJsonContext : JsonSerializerContext;

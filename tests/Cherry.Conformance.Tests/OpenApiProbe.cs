using System.Net;
using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Cherry.Conformance.Tests;

/// <summary>
/// Reads an app's OpenAPI document with Microsoft.OpenApi (the reader of OpenAPI.NET) and sends a request to every
/// operation it describes, with sample values for its path parameters, required query parameters and body.
/// Linked into Cherry.Wiki.Tests too.
/// </summary>
public static class OpenApiProbe
{
    /// <summary>Fetches <c>/openapi.json</c>, asserting that it reads as OpenAPI 3.1 with no error and passes the default validation rules.</summary>
    public static async Task<OpenApiDocument> LoadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var result = OpenApiDocument.Load(body, OpenApiConstants.Json);
        Assert.NotNull(result.Diagnostic);
        Assert.Empty(result.Diagnostic.Errors.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        var document = Assert.IsType<OpenApiDocument>(result.Document);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => e.ToString()) ?? []);
        return document;
    }

    /// <summary>
    /// One request per operation: path parameters from <paramref name="samples"/> by name (else <c>1</c>), required query
    /// parameters likewise, a form or JSON body with its required fields, an XML-RPC call to <c>methodName</c>.
    /// </summary>
    /// <returns>Each operation as <c>METHOD /url</c> with the status it answered.</returns>
    public static async Task<List<(string Operation, HttpStatusCode Status)>> ProbeAsync(
        HttpClient client, OpenApiDocument document, IReadOnlyDictionary<string, string> samples, string xmlRpcMethod) =>
        (await ProbeWithAnswersAsync(client, document, samples, xmlRpcMethod)).Select(a => (a.Operation, a.Status)).ToList();

    /// <summary>
    /// Probes every operation (as <see cref="ProbeAsync"/>, without following redirects) and lists each answer whose status
    /// the operation does not document, or whose content type is not among that status's documented media types (a
    /// range like <c>*/*</c> admits any; a HEAD answer has no body to describe).
    /// </summary>
    public static async Task<List<string>> UndocumentedAnswersAsync(
        HttpClient client, OpenApiDocument document, IReadOnlyDictionary<string, string> samples, string xmlRpcMethod)
    {
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = client.BaseAddress };
        var problems = new List<string>();
        foreach (var answer in await ProbeWithAnswersAsync(direct, document, samples, xmlRpcMethod))
        {
            var code = ((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (answer.Described.Responses?.TryGetValue(code, out var response) != true)
            {
                problems.Add($"{answer.Operation}: {code} is not among {string.Join(", ", answer.Described.Responses?.Keys.ToList() ?? [])}");
                continue;
            }
            if (answer.Method == HttpMethod.Head || answer.MediaType is null)
            {
                continue;
            }
            var documented = response!.Content?.Keys.ToList() ?? [];
            if (!documented.Any(d => d == "*/*" || string.Equals(d, answer.MediaType, StringComparison.OrdinalIgnoreCase)
                || (d.EndsWith("/*", StringComparison.Ordinal) && answer.MediaType.StartsWith(d[..^1], StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add($"{answer.Operation}: {code} as {answer.MediaType} is not among [{string.Join(", ", documented)}]");
            }
        }
        return problems;
    }

    private static async Task<List<(string Operation, HttpMethod Method, OpenApiOperation Described, HttpStatusCode Status, string? MediaType)>> ProbeWithAnswersAsync(
        HttpClient client, OpenApiDocument document, IReadOnlyDictionary<string, string> samples, string xmlRpcMethod)
    {
        var results = new List<(string Operation, HttpMethod Method, OpenApiOperation Described, HttpStatusCode Status, string? MediaType)>();
        foreach (var (template, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = operation.Parameters ?? [];
                var url = new StringBuilder(template);
                foreach (var parameter in parameters.Where(p => p.In == ParameterLocation.Path))
                {
                    url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(Sample(parameter.Name!, parameter.Schema, samples)));
                }
                var query = parameters.Where(p => p.In == ParameterLocation.Query && p.Required)
                    .Select(p => p.Name + "=" + Uri.EscapeDataString(Sample(p.Name!, p.Schema, samples)));
                if (query.Any())
                {
                    url.Append('?').Append(string.Join("&", query));
                }
                using var request = new HttpRequestMessage(method, url.ToString()) { Content = Body(operation.RequestBody, samples, xmlRpcMethod) };
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                results.Add((method + " " + url, method, (OpenApiOperation)operation, response.StatusCode, body.Length == 0 ? null : response.Content.Headers.ContentType?.MediaType));
            }
        }
        return results;
    }

    private static HttpContent? Body(IOpenApiRequestBody? body, IReadOnlyDictionary<string, string> samples, string xmlRpcMethod)
    {
        if (body?.Content is not { Count: > 0 } content)
        {
            return null;
        }
        var (mediaType, type) = content.First();
        var fields = (type.Schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Where(p => type.Schema?.Required?.Contains(p.Key) == true)
            .Select(p => (Name: p.Key, Value: Sample(p.Key, p.Value, samples)))
            .ToList();
        return mediaType switch
        {
            "text/xml" => new StringContent($"<?xml version=\"1.0\"?><methodCall><methodName>{xmlRpcMethod}</methodName><params/></methodCall>", Encoding.UTF8, "text/xml"),
            "application/json" => new StringContent(
                "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":\"{f.Value}\"")) + "}", Encoding.UTF8, "application/json"),
            "multipart/form-data" => Multipart(fields),
            _ => new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
    }

    private static MultipartFormDataContent Multipart(List<(string Name, string Value)> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name, name + ".txt");
        }
        return form;
    }

    private static string Sample(string name, IOpenApiSchema? schema, IReadOnlyDictionary<string, string> samples) =>
        samples.TryGetValue(name, out var sample) ? sample
        : schema?.Enum is { Count: > 0 } values ? values[0]!.ToString()
        : schema?.Type is { } type && type.HasFlag(JsonSchemaType.Boolean) ? "true"
        : "1";
}

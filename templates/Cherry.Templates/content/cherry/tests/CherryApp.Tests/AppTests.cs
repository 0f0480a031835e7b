using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CherryApp.Tests;

/// <summary>The whole app in memory (Program.cs, app.conf, static/) through ASP.NET Core's test server.</summary>
public sealed class AppTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_greeting_endpoint_answers_json()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/greeting?name=Ada");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"message":"Hello, Ada!","length":3}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_root_greets_by_name()
    {
        using var client = factory.CreateClient();

        Assert.StartsWith("Hello Ada!", await client.GetStringAsync("/?name=Ada"));
    }

    [Fact]
    public async Task Static_files_are_served_with_their_index()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/static/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>CherryApp</h1>", await response.Content.ReadAsStringAsync());
    }
}

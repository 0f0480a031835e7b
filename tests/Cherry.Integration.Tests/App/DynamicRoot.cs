namespace Cherry.Integration.Tests.App;

/// <summary>CherryPy's dynamic nodes: popargs with a handler, a REST resource's dispatch method, for <see cref="DynamicDispatchTests"/>.</summary>
public sealed class DynamicRoot
{
    public Calendar Calendar { get; } = new();

    public Tagged Tagged { get; } = new();

    public Accounts Accounts { get; } = new();

    public Cabinet Cabinet { get; } = new();

    public Folder Folder { get; } = new();
}

/// <summary>CherryPy's object-valued <c>default</c>: a resource that takes every path below <c>/cabinet</c>.</summary>
public sealed class Cabinet
{
    public Accounts Default { get; } = new();
}

/// <summary>A plain node as <c>Default</c>, beside an index and a member.</summary>
public sealed class Folder
{
    public FolderFiles Default { get; } = new();

    [Exposed]
    public string Index() => "folder index";

    [Exposed]
    public string Info() => "folder info";
}

public sealed class FolderFiles
{
    [Exposed]
    public string Readme() => "readme";

    [Exposed]
    public string Default(params string[] path) => "file " + string.Join("/", path);
}

/// <summary><c>/calendar/2024/05/</c> pops year and month, then goes on in <see cref="CalendarMonth"/>.</summary>
[PopArgs("year", "month", Handler = nameof(Month))]
public sealed class Calendar
{
    public CalendarMonth Month { get; } = new();

    [Exposed]
    public string Index() => "calendar";

    [Exposed]
    public string Today() => "today";
}

public sealed class CalendarMonth
{
    [Exposed]
    public string Index(int year, int? month = null) => $"year {year} month {(month is null ? "-" : month)}";

    [Exposed]
    public string Events(int year, int month) => $"events of {year}-{month:00}";
}

/// <summary><c>/tagged/red/</c>: the tag makes the node; it is no request parameter.</summary>
[PopArgs("tag", Handler = nameof(ForTag))]
public sealed class Tagged
{
    public TagPage ForTag(string tag) => new(tag);
}

public sealed class TagPage(string tag)
{
    [Exposed]
    public string Index(Request request) => $"tag {tag}, parameters {request.Parameters.Count}";

    [Exposed]
    public string Default(params string[] rest) => $"tag {tag} default {string.Join("|", rest)}";
}

/// <summary>A collection answering by verb, whose dispatch method makes a member resource per request.</summary>
[Rest]
public sealed class Accounts
{
    public string Get(params string[] rest) => "all accounts" + (rest.Length > 0 ? " " + string.Join("|", rest) : "");

    [Dispatch]
    public Account? Find(VirtualPath path, Request request) =>
        int.TryParse(path[0], out var id) ? new Account(id, request.Method) : null;
}

[Rest]
public sealed class Account(int id, string method)
{
    public string Get() => $"account {id} by {method}";

    public string Delete() => $"deleted {id}";
}

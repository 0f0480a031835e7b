using System.Text;

namespace Cherry;

/// <summary>
/// What a custom error page is given (CherryPy's <c>status, message, traceback, version</c>). Every value is
/// already HTML-escaped, as CherryPy escapes them: messages quote client input (parameter names, paths).
/// </summary>
public readonly record struct ErrorPageContext(string Status, string Message, string? Traceback, string Version);

/// <summary>Renders a custom error page; set with <c>error_page.&lt;code&gt;</c> or <c>error_page.default</c>.</summary>
public delegate string ErrorPageRenderer(ErrorPageContext context);

/// <summary>
/// CherryPy's default error page, its custom-page override and its padding of short bodies; for a client that
/// reads JSON, a problem document instead (<see cref="ProblemDetails"/>) unless a custom page is configured.
/// </summary>
public static class ErrorPage
{
    public static readonly string Version = "Cherry/" + typeof(ErrorPage).Assembly.GetName().Version?.ToString(3);

    // Bodies shorter than these were replaced by browsers' own pages; CherryPy pads them, and so do we.
    private static int PaddedLength(int status) => status switch
    {
        400 or 404 or 406 or 408 or 409 or 500 or 501 or 505 => 512,
        403 or 405 or 410 => 256,
        _ => 0,
    };

    internal static void Render(Request request, int status, string message, string? traceback, string? problemType, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var response = request.Response;
        var custom = request.Settings.FindErrorPage(status);
        // A configured page is the application's explicit choice, so it wins over the client's preference for JSON.
        if (custom is null && ProblemDetails.IsWanted(request))
        {
            var reason = StatusLine.TryParse(response.Status, out var code, out var phrase, out _) && code == status ? phrase : StatusLine.Reason(status);
            ProblemDetails.Render(request, status, reason, message, problemType, traceback, errors);
            if (!request.Handler.JsonOut)
            {
                // Chosen by the Accept header: a shared cache must not hand this document to a browser.
                Vary.Add(response.Headers, "Accept");
            }
            return;
        }
        var statusText = StatusLine.Format(status, response.Status);
        var context = new ErrorPageContext(Escape(statusText), Escape(message), traceback is null ? null : Escape(traceback), Escape(Version));
        string body;
        if (custom is null)
        {
            response.ContentType = "text/html;charset=utf-8";
            body = Default(context);
        }
        else
        {
            // A custom page keeps CherryPy's plain text/html; a failing one falls back to the stock page with a note.
            try
            {
                body = custom(context);
                response.ContentType = "text/html";
            }
            catch (Exception ex)
            {
                response.ContentType = "text/html;charset=utf-8";
                body = Default(context with { Message = context.Message + " In addition, the custom error page failed: " + Escape(ex.Message) });
            }
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        var padded = PaddedLength(status);
        if (bytes.Length < padded)
        {
            var withPadding = new byte[padded + 1];
            bytes.CopyTo(withPadding, 0);
            withPadding.AsSpan(bytes.Length).Fill((byte)' ');
            bytes = withPadding;
        }
        response.Body = bytes;
    }

    // CherryPy's html.escape(quote=False) plus the double quote, so a template may also put a value in a quoted attribute.
    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny("&<>\"") < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    /// <summary>
    /// The stock page, laid out as CherryPy's so that whatever matches its pages (its own test suite does) matches
    /// Cherry's but for the powered-by line; <paramref name="c"/> holds escaped values.
    /// </summary>
    private static string Default(ErrorPageContext c) =>
        $$"""
        <!DOCTYPE html PUBLIC
        "-//W3C//DTD XHTML 1.0 Transitional//EN"
        "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html>
        <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8"></meta>
            <title>{{c.Status}}</title>
            <style type="text/css">
            #powered_by {
                margin-top: 20px;
                border-top: 2px solid black;
                font-style: italic;
            }

            #traceback {
                color: red;
            }
            </style>
        </head>
            <body>
                <h2>{{c.Status}}</h2>
                <p>{{c.Message}}</p>
                <pre id="traceback">{{c.Traceback}}</pre>
            <div id="powered_by">
              <span>
                Powered by {{c.Version}}
              </span>
            </div>
            </body>
        </html>

        """;
}

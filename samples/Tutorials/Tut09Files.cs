// Tutorial 9: files.
//
// Downloads: to send a file, call Static.ServeFile from the handler (a path, and optionally a content type, a
// disposition and the name to save it under) and return nothing. Static.ServeDownload is the usual download:
// Content-Type application/x-download and Content-Disposition: attachment, which makes browsers offer to save the
// file rather than show it. Either one answers HEAD, byte ranges and If-Modified-Since, and a missing file is a 404.
// (To send a stream instead of a file, use Static.ServeFileObj.)
//
// Uploads: the form on the index page posts a file as multipart/form-data (note its enctype and the file input). A
// handler parameter of type Part receives the file: its name, the file name the browser sent, its content type, and
// a stream of its bytes. Small files stay in memory; larger ones wait in a temporary file, which Cherry deletes after
// the response (CherryOptions.Multipart sets the threshold and the limit).
using Cherry;
using Microsoft.AspNetCore.Builder;

namespace Tutorials.Tut09;

/// <param name="directory">The folder the served files are in: files/ under the content root.</param>
public sealed class FileDemo(string directory)
{
    /// <summary>Mounts the demo at <c>/</c>, serving the files/ folder the build copies beside the app.</summary>
    public static void Map(WebApplication app) =>
        app.MapCherry(new FileDemo(Path.Combine(app.Environment.ContentRootPath, "files")));

    [Exposed]
    public string Index() => """

                <html><body>
                    <form action="upload" method="post" enctype="multipart/form-data">
                    filename: <input type="file" name="myFile" /><br />
                    <input type="submit" />
                    </form>
                    <p><a href="download">Download a PDF file</a></p>
                </body></html>
        """;

    [Exposed]
    public async Task<string> Upload(Part myFile, CancellationToken aborted)
    {
        // Read it as it comes, as a handler would to store it somewhere: the size is counted, nothing is kept.
        long size = 0;
        var buffer = new byte[8192];
        await using var stream = myFile.OpenReadStream();
        for (int read; (read = await stream.ReadAsync(buffer, aborted)) > 0;)
        {
            size += read;
        }
        return $"""
            <html>
            <body>
                myFile length: {size}<br />
                myFile filename: {myFile.FileName}<br />
                myFile mime-type: {myFile.ContentType}
            </body>
            </html>
            """;
    }

    // Static.ServeFile takes an absolute path: the app decides which file, never the client's URL.
    [Exposed]
    public void Download(Request request) => Static.ServeDownload(request, Path.Combine(directory, "pdf_file.pdf"));
}

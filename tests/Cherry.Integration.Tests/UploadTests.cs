using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

public sealed class UploadFixture : IAsyncLifetime
{
    public const long MaxBodySize = 4_000_000;

    public string TempDirectory { get; } = Directory.CreateTempSubdirectory("cherry-uploads-").FullName;

    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(
        app => app.MapCherry<UploadRoot>("/"),
        options =>
        {
            options.Multipart.TempDirectory = TempDirectory;
            options.Multipart.MaxBodySize = MaxBodySize;
        });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(TempDirectory, recursive: true);
    }
}

/// <summary>File uploads as handler parameters (<see cref="Part"/>), multipart bodies and their charsets, through curl and Python.</summary>
public sealed class UploadTests(UploadFixture fixture) : IClassFixture<UploadFixture>
{
    private string Url(string path) => new Uri(fixture.Server.Address, path).ToString();

    /// <summary>Debian's Python posts a multipart body built by hand with urllib; prints the status, a newline, the body.</summary>
    private async Task<(int Status, string Body)> PythonPostAsync(string path, string contentType, string bodyExpression)
    {
        var output = await Python.RunAsync(
            "import sys, urllib.request, urllib.error\n"
            + "body = " + bodyExpression + "\n"
            + "req = urllib.request.Request(sys.argv[1], data=body, method='POST', headers={'Content-Type': sys.argv[2]})\n"
            + "try:\n    r = urllib.request.urlopen(req); status, data = r.status, r.read()\n"
            + "except urllib.error.HTTPError as e:\n    status, data = e.code, e.read()\n"
            + "sys.stdout.buffer.write(str(status).encode() + b'\\n' + data)\n",
            [Url(path), contentType]);
        var newline = output.IndexOf('\n');
        return (int.Parse(output[..newline]), output[(newline + 1)..]);
    }

    /// <summary>curl's status line, a newline, then the body.</summary>
    private static async Task<(int Status, string Body)> CurlAsync(params string[] arguments)
    {
        var output = await Curl.RunAsync([.. arguments, "-s", "-o", "-", "-w", "\n%{http_code}"]);
        var newline = output.LastIndexOf('\n');
        return (int.Parse(output[(newline + 1)..]), output[..newline]);
    }

    private async Task AssertNoTemporaryFilesAsync()
    {
        // The files are deleted when Kestrel disposes the request, just after the response went out.
        for (var i = 0; i < 100 && Directory.EnumerateFileSystemEntries(fixture.TempDirectory).Any(); i++)
        {
            await Task.Delay(50);
        }
        Assert.Empty(Directory.GetFiles(fixture.TempDirectory));
    }

    /// <summary>A file on disk for curl to upload, deleted when disposed.</summary>
    private sealed class LocalFile : IDisposable
    {
        public LocalFile(byte[] content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cherry-upload-test-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    [Fact]
    public async Task Curl_uploads_a_large_file_that_is_spooled_to_disk_and_deleted_after_the_request()
    {
        // 1.7 MB, as test_http's test_post_multipart: 26 runs of 65,536 equal bytes.
        var content = Encoding.ASCII.GetBytes(string.Concat("abcdefghijklmnopqrstuvwxyz".Select(c => new string(c, 65536))));
        using var file = new LocalFile(content);
        var (status, body) = await CurlAsync("-F", $"file=@{file.Path};filename=big.csv;type=text/csv", Url("/summary"));
        Assert.Equal(200, status);
        Assert.Equal($"file|big.csv|text/csv|{content.Length}|file|{Convert.ToHexString(SHA256.HashData(content))}", body);
        await AssertNoTemporaryFilesAsync();
    }

    [Fact]
    public async Task A_small_upload_stays_in_memory_and_a_large_one_exists_on_disk_while_the_handler_runs()
    {
        using var small = new LocalFile("small"u8.ToArray());
        using var large = new LocalFile(new byte[200_000]);
        Assert.Equal((200, "0 spooled, memory"), await CurlAsync("-F", $"file=@{small.Path}", Url("/spooled")));
        Assert.Equal((200, "1 spooled, file"), await CurlAsync("-F", $"file=@{large.Path}", Url("/spooled")));
        await AssertNoTemporaryFilesAsync();
    }

    [Fact]
    public async Task The_temporary_file_is_deleted_when_the_handler_throws()
    {
        using var large = new LocalFile(new byte[300_000]);
        var (status, _) = await CurlAsync("-F", $"file=@{large.Path}", Url("/fail"));
        Assert.Equal(500, status);
        await AssertNoTemporaryFilesAsync();
    }

    [Fact]
    public async Task A_repeated_name_binds_every_part_to_an_array()
    {
        using var a = new LocalFile("aaa"u8.ToArray());
        using var b = new LocalFile("bbbbb"u8.ToArray());
        var (status, body) = await CurlAsync("-F", $"files=@{a.Path};filename=a.txt", "-F", $"files=@{b.Path};filename=b.txt", Url("/names"));
        Assert.Equal((200, "a.txt:3|b.txt:5"), (status, body));
    }

    [Fact]
    public async Task A_text_parameter_given_a_file_gets_its_file_name_and_a_part_parameter_given_a_plain_value_is_400()
    {
        using var file = new LocalFile("content"u8.ToArray());
        Assert.Equal((200, "notes.txt"), await CurlAsync("-F", $"field=@{file.Path};filename=notes.txt", Url("/text")));
        Assert.Equal((200, "plain"), await CurlAsync("-F", "field=plain", Url("/text")));
        var (status, body) = await CurlAsync(Url("/file_name?myfile=x"));
        Assert.Equal(400, status);
        Assert.Contains("Parameter 'myfile' expects a part of a multipart body (an uploaded file); a plain value was sent.", Http.ErrorMessage(body));
    }

    [Theory]
    [InlineData("boop.csv")]
    [InlineData("foo, bar.csv")]
    [InlineData("file\"name.csv")]
    [InlineData("file;name.csv")]
    [InlineData("file; name.csv")]
    public async Task Python_sends_file_names_with_commas_quotes_and_semicolons(string fileName)
    {
        const string Boundary = "________ThIs_Is_tHe_bouNdaRY_$";
        var body = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"myfile\"; filename=\"{fileName}\"\r\nContent-Type: text/csv\r\n\r\nyunyeenyunyue\r\n--{Boundary}--\r\n";
        var (status, answer) = await PythonPostAsync("/file_name", "multipart/form-data; boundary=" + Boundary, PythonBytes(body));
        Assert.Equal((200, fileName), (status, answer));
    }

    [Fact]
    public async Task Python_sends_an_rfc_5987_file_name()
    {
        var body = "--X\r\nContent-Disposition: form-data; name=\"myfile\"; filename*=UTF-8''test_%C5%82%C3%B3%C4%85%C3%A4.txt\r\n\r\ndata\r\n--X--\r\n";
        var (status, answer) = await PythonPostAsync("/file_name", "multipart/form-data; boundary=X", PythonBytes(body));
        Assert.Equal((200, "test_\u0142\u00f3\u0105\u00e4.txt"), (status, answer));
    }

    [Theory]
    [InlineData("multipart/form-data", "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc\r\n--X--\r\n", "Invalid boundary in multipart body: ''.")]
    [InlineData("multipart/form-data; boundary=X", "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc and no closing boundary", "The request entity could not be parsed")]
    [InlineData("multipart/form-data; boundary=X", "--X\r\nthis is no header line\r\n\r\nabc\r\n--X--\r\n", "The request entity could not be parsed")]
    // test_tutorials' body: a bare LF before each boundary, which RFC 2046 does not allow (CherryPy reads it).
    [InlineData("multipart/form-data; boundary=x", "--x\nContent-Disposition: form-data; name=\"myFile\"; filename=\"hello.txt\"\r\n\r\naaaaa\n--x--\n", "The request entity could not be parsed")]
    public async Task Bad_multipart_is_400_with_a_message(string contentType, string body, string message)
    {
        var (status, answer) = await PythonPostAsync("/summary", contentType, PythonBytes(body));
        Assert.Equal(400, status);
        Assert.StartsWith(message, Http.ErrorMessage(answer));
    }

    [Fact]
    public async Task A_body_over_the_multipart_limit_is_413()
    {
        using var file = new LocalFile(new byte[UploadFixture.MaxBodySize + 1]);
        var (status, body) = await CurlAsync("-F", $"file=@{file.Path}", Url("/summary"));
        Assert.Equal(413, status);
        Assert.Contains($"The multipart body holds more than {UploadFixture.MaxBodySize} bytes.", Http.ErrorMessage(body));
        await AssertNoTemporaryFilesAsync();
    }

    [Fact]
    public async Task The_parts_of_a_multipart_mixed_body_are_the_parts_parameter()
    {
        var body = "--B\r\nContent-Type: text/plain; charset='ISO-8859-1'\r\n\r\nfirst \u00e9\r\n--B\r\nContent-Type: text/html\r\n\r\n<p>second</p>\r\n--B--\r\n";
        var (status, answer) = await PythonPostAsync("/mixed", "multipart/mixed; boundary=B", PythonBytes(body, "latin-1"));
        Assert.Equal((200, "first \u00e9|<p>second</p>"), (status, answer));
    }

    [Fact]
    public async Task A_field_is_decoded_with_its_own_charset_and_else_us_ascii_or_utf_8()
    {
        // UTF-16 with a byte-order mark, as Python's codec writes it: read, not kept as U+FEFF.
        const string Declared = """b'--X\r\nContent-Type: text/plain;charset=utf-16\r\nContent-Disposition: form-data; name="text"\r\n\r\n' + 'ab\u201cc'.encode('utf-16') + b'\r\n--X\r\nContent-Disposition: form-data; name="plain"\r\n\r\n' + '\u00e9'.encode('utf-8') + b'\r\n--X--\r\n'""";
        var (status, answer) = await PythonPostAsync("/fields", "multipart/form-data; boundary=X", Declared);
        Assert.Equal((200, "text=ab\u201cc|plain=\u00e9"), (status, answer));

        const string Undeclared = """b'--X\r\nContent-Disposition: form-data; name="text"\r\n\r\n' + 'ab'.encode('utf-16') + b'\r\n--X--\r\n'""";
        (status, answer) = await PythonPostAsync("/fields", "multipart/form-data; boundary=X", Undeclared);
        Assert.Equal(400, status);
        Assert.Equal("The request entity could not be decoded. The following charsets were attempted: ['us-ascii', 'utf-8']", Http.ErrorMessage(answer));

        // The decode tool's charset comes after US-ASCII and UTF-8, and decodes what they cannot.
        Assert.Equal((200, "text=ab"), await PythonPostAsync("/decoded_fields", "multipart/form-data; boundary=X", Undeclared));
    }

    [Fact]
    public async Task Utf_16_answers_start_with_a_byte_order_mark_and_utf_16_bodies_read_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/unicode");
        request.Headers.TryAddWithoutValidation("Accept-Charset", "utf-16");
        using var response = await fixture.Server.Client.SendAsync(request);
        Assert.Equal("text/html;charset=utf-16", response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        Assert.Equal([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("\u6bdb\u6cfd\u4e1c")], await response.Content.ReadAsByteArrayAsync());

        // q=£ in UTF-16, each with its mark (test_encoding's body); then UTF-8 bytes forced through utf-16: odd, so undecodable.
        Assert.Equal((200, "q=\u00a3"), await PythonPostAsync("/fields", "application/x-www-form-urlencoded;charset=utf-16", "b'\\xff\\xfeq\\x00=\\xff\\xfe\\xa3\\x00'"));
        var (status, answer) = await PythonPostAsync("/fields", "application/x-www-form-urlencoded;charset=utf-16", "b'qq=\\xc2\\xa3\\xc2'");
        Assert.Equal(400, status);
        Assert.Equal("The request entity could not be decoded. The following charsets were attempted: ['utf-16', 'utf-8']", Http.ErrorMessage(answer));
    }

    [Fact]
    public async Task The_406_lists_the_tried_charsets_sorted_as_python_sorts_them()
    {
        var (response, body) = await fixture.Server.Client.FetchAsync("/unicode", ("Accept-Charset", "us-ascii, ISO-8859-1, x-mac-ce"));
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("Your client sent this Accept-Charset header: us-ascii, ISO-8859-1, x-mac-ce. We tried these charsets: ISO-8859-1, us-ascii, x-mac-ce.", Http.ErrorMessage(body));
    }

    /// <summary>A Python bytes literal of <paramref name="text"/> in <paramref name="encoding"/>.</summary>
    private static string PythonBytes(string text, string encoding = "utf-8") =>
        "'" + text.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\r", "\\r").Replace("\n", "\\n") + "'.encode('" + encoding + "')";
}

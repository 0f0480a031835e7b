namespace Cherry.Integration.Tests;

/// <summary>
/// The frame of an nginx.conf for a test: in the foreground (the test holds the master process), everything in the
/// test's folder, workers as the test's own user, who owns the folder (as root, nginx would switch them to 'nobody').
/// </summary>
internal static class NginxConfiguration
{
    /// <summary>The whole file, with <paramref name="http"/> (upstreams and servers) inside its <c>http</c> block.</summary>
    public static string Write(string directory, string http) => $$"""
        daemon off;
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        user {{Environment.UserName}};
        events {
            worker_connections 256;
        }
        http {
            access_log off;
            client_body_temp_path {{directory}}/client_body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
        {{http}}
        }
        """;
}

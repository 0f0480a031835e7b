namespace Cherry.Shared
{
    /// <summary>
    /// What an error answer carries, as an OpenAPI response's <c>content</c>: a problem document (RFC 9457, with a failed
    /// validation's <c>errors</c> by member) for clients that read JSON, the HTML error page for the others. One text for
    /// the documents the generator writes and the one start-up composes.
    /// </summary>
    internal static class ErrorContent
    {
        public const string Json =
            "{\"application/problem+json\": {\"schema\": {\"type\": \"object\", \"properties\": {"
            + "\"type\": {\"type\": \"string\"}, \"title\": {\"type\": \"string\"}, \"status\": {\"type\": \"integer\"}, \"detail\": {\"type\": \"string\"}, "
            + "\"errors\": {\"type\": \"object\", \"additionalProperties\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}}}}, "
            + "\"text/html\": {\"schema\": {\"type\": \"string\"}}}";

        /// <summary>An HTML page of Cherry's own: a redirect's (CherryPy's short page linking the new URL), a login form.</summary>
        public const string HtmlJson = "{\"text/html\": {\"schema\": {\"type\": \"string\"}}}";
    }
}

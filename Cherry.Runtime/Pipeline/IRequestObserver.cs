namespace Cherry;

/// <summary>
/// Told of each request's start and end, outside its chain, as CherryPy's engine plugins hear
/// <c>before_request</c> and <c>after_request</c> (the GC page's <see cref="RequestTracker"/>). Cherry's request
/// path calls every observer DI registers and knows nothing of what they keep.
/// </summary>
internal interface IRequestObserver
{
    void Started(Request request);

    /// <summary>After the response is written (or the client went away), before the end-of-request hooks.</summary>
    void Finished(Request request);
}

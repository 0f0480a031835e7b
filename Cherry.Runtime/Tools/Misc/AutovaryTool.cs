using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Cherry;

/// <summary>
/// CherryPy's <c>autovary</c> (on_start_resource 0): watches which request headers the request reads and lists
/// them in <c>Vary</c> before finalize (priority 95), less those in <see cref="AutovaryOptions.Ignore"/>.
/// </summary>
public sealed partial class AutovaryTool : Tool
{
    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.OnStartResource, 0, false, request =>
        {
            var feature = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>();
            var watcher = new WatchedHeaders(feature.Headers);
            feature.Headers = watcher;
            request.SetToolState(slot, watcher);
            return ValueTask.CompletedTask;
        });
        chain.Add(Name, HookPoint.BeforeFinalize, 95, false, request =>
        {
            if (request.GetToolState(slot) is WatchedHeaders watcher)
            {
                foreach (var name in watcher.Read.Where(n => !Options.Ignore.Contains(n, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase))
                {
                    Vary.Add(request.Response.Headers, Http.HeaderMap.TitleCase(name));
                }
            }
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Request headers that remember which names were asked for.</summary>
    private sealed class WatchedHeaders(IHeaderDictionary inner) : IHeaderDictionary
    {
        public HashSet<string> Read { get; } = new(StringComparer.OrdinalIgnoreCase);

        public StringValues this[string key]
        {
            get
            {
                Read.Add(key);
                return inner[key];
            }
            set => inner[key] = value;
        }

        public long? ContentLength
        {
            get => inner.ContentLength;
            set => inner.ContentLength = value;
        }

        public ICollection<string> Keys => inner.Keys;

        public ICollection<StringValues> Values => inner.Values;

        public int Count => inner.Count;

        public bool IsReadOnly => inner.IsReadOnly;

        public void Add(string key, StringValues value)
        {
            if (inner.ContainsKey(key))
            {
                throw new ArgumentException($"The header {key} is already present.", nameof(key));
            }
            inner[key] = value;
        }

        public void Add(KeyValuePair<string, StringValues> item) => inner.Add(item);

        public void Clear() => inner.Clear();

        public bool Contains(KeyValuePair<string, StringValues> item) => inner.Contains(item);

        public bool ContainsKey(string key)
        {
            Read.Add(key);
            return inner.ContainsKey(key);
        }

        public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);

        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();

        public bool Remove(string key) => inner.Remove(key);

        public bool Remove(KeyValuePair<string, StringValues> item) => inner.Remove(item);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value)
        {
            Read.Add(key);
            return inner.TryGetValue(key, out value);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

// Tutorial 7: sessions.
//
// The sessions tool gives each visitor a session: an id in a cookie and a store of values on the server. Turn it on
// with [Sessions] on a method or a class (then for everything below it), or with tools.sessions.on = True in
// configuration. A Session parameter hands the visitor's session to the handler. The default store keeps sessions in
// memory; a file store and shared stores (PostgreSQL, Redis, memcached) are a configuration or DI change away.
using Cherry;

namespace Tutorials.Tut07;

[Sessions]
public sealed class HitCounter
{
    [Exposed]
    public string Index(Session session)
    {
        // Session values are JSON values; GetInt32 and Set(key, int) read and write a number. A session is saved only
        // when it changed.
        var count = session.GetInt32("count") + 1;
        session.Set("count", count);

        return
            "\n            During your current session, you've viewed this" +
            $"\n            page {count} times! Your life is a patio of fun!" +
            "\n        ";
    }
}

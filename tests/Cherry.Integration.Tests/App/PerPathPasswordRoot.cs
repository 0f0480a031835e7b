namespace Cherry.Integration.Tests.App;

/// <summary>One realm, a password source per path (CherryPy's per-path checkpassword and get_ha1).</summary>
public sealed class PerPathPasswordRoot
{
    [Exposed, AuthBasic(Realm = "earth")]
    public string Index() => "the realm's users";

    [Exposed, AuthBasic(Realm = "earth", CheckPassword = "admins")]
    public string Admin() => "admins only";

    /// <summary>Configuration turns auth_basic on here with a checkpassword of its own.</summary>
    [Exposed]
    public string Staff() => "staff only";

    [Exposed, AuthDigest(Realm = "earth", Key = "a565c27146791cfb", GetHa1 = "digest-admins")]
    public string Vault() => "digest admins only";
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Sandbox.Hosting;

/// <summary>Identifiers in the service's formats: <c>v-…</c> request ids and prefixed random object ids.</summary>
internal static class RequestIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly object ItemKey = new();

    /// <summary>The request's id, assigned on first use and echoed in errors and activity <c>group_id</c>s.</summary>
    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var id) && id is string existing) return existing;
        var created = NewRequestId();
        context.Items[ItemKey] = created;
        return created;
    }

    /// <summary>A new request id such as <c>v-0a1b2c3d4e5f607182</c>.</summary>
    public static string NewRequestId() => "v-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(9)).ToLowerInvariant();

    /// <summary>A new object id such as <c>cust_7iUa6ICKyU6gH40dBU25kQU1</c>.</summary>
    public static string New(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, 24);
}

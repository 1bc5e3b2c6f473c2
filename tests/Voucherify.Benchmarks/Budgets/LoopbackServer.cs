using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Voucherify.Benchmarks.Shared;

namespace Voucherify.Benchmarks.Budgets;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers every request with the full customer, run as a child process so that
/// its CPU and allocations are not counted against the client. It prints its address, then serves until its
/// standard input closes.
/// </summary>
internal static class LoopbackServer
{
    public const string ChildCommand = "serve";
    private const string ListeningPrefix = "LISTENING ";

    public static async Task ServeUntilStdinClosesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        var body = Payloads.CustomerJson;
        app.Run(context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, 0, body.Length);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(ListeningPrefix + address);
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    /// <summary>Starts the server in a child process; dispose the result to stop it.</summary>
    public static async Task<Running> StartAsync()
    {
        var process = System.Diagnostics.Process.Start(ChildProcess.StartInfo(ChildCommand))!;
        var line = await process.StandardOutput.ReadLineAsync();
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"the loopback server did not start: {line}");
        }
        return new Running(process, new Uri(line.Substring(ListeningPrefix.Length).TrimEnd('/') + "/"));
    }

    public sealed class Running(System.Diagnostics.Process process, Uri baseUri) : IAsyncDisposable
    {
        public Uri BaseUri => baseUri;

        public async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000)) process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}

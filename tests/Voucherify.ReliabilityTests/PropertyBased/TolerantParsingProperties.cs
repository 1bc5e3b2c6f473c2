using CsCheck;
using Newtonsoft.Json.Linq;

namespace Voucherify.ReliabilityTests;

/// <summary>
/// Whatever the server answers, every operation gives a typed result or a <see cref="VoucherifyApiException"/>
/// (or, while waiting for a job, <see cref="AsyncActionTimeoutException"/>): never a NullReferenceException,
/// JsonReaderException, InvalidCastException or any other type.
/// </summary>
public class TolerantParsingProperties
{
    private static readonly AsyncActionWaitOptions QuickWait = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromMilliseconds(10),
    };

    private static VoucherifyClient ClientOver(HttpMessageHandler transport) => new(new VoucherifyClientOptions
    {
        ApplicationId = Samples.ApplicationId,
        SecretKey = Samples.SecretKey,
        BaseUri = new Uri("https://api.test.voucherify.io"),
        // Every answer is judged as it is: retrying would only repeat the same mutation's neighbours with a delay.
        Retry = new RetryOptions { MaxAttempts = 1 },
    }, transport);

    /// <summary>Runs the operation and the typed readers of its result; returns the exception, if any.</summary>
    private static async Task<Exception?> RunAsync(SampleCall operation, VoucherifyClient client)
    {
        try
        {
            var result = operation.Name == "wait for async action"
                ? await client.AsyncActions.WaitForCompletionAsync("aa_1", QuickWait)
                : await operation.Run(client, CancellationToken.None);
            if (result is AsyncAction action)
            {
                _ = action.IsFinished;
                _ = action.HasFailures;
                _ = action.GetImportCsvResult();
                _ = action.GetBulkUpdateResult();
            }
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static void AssertDocumented(Exception? error, string context)
    {
        if (error is null) return;
        Assert.True(error is VoucherifyApiException or AsyncActionTimeoutException, $"Undocumented {error.GetType().Name} for {context}:\n{error}");
        Samples.AssertNoSecret(error);
    }

    [Fact]
    public async Task Any_mutated_response_gives_a_typed_result_or_a_documented_exception()
    {
        var operations = OperationSamples.AllCalls;
        await Gen.Select(Gen.Int[0, operations.Count - 1], Gen.Int).SampleAsync(async (index, seed) =>
        {
            var operation = operations[index];
            var transport = new MutatingTransport(seed);
            using var client = ClientOver(transport);
            var error = await RunAsync(operation, client);
            AssertDocumented(error, $"{operation.Name}, responses:\n{string.Join("\n", transport.Log)}");
        }, iter: 6000, print: t => $"{operations[t.Item1].Name} seed {t.Item2}");
    }

    public static TheoryData<string> OperationNames() => new(OperationSamples.AllCalls.Select(o => o.Name));

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Nulls_in_every_position_still_give_a_typed_result(string name)
    {
        var error = await RunWithTransformedBodyAsync(name, token =>
        {
            foreach (var value in MutatingTransport.Tokens(token).OfType<JValue>().ToList()) value.Value = null;
        });
        // A null array or object where a list was expected is data the client keeps as null, not a failure;
        // a job whose status is null has not finished, so waiting for it times out.
        if (name == "wait for async action") Assert.IsType<AsyncActionTimeoutException>(error);
        else Assert.Null(error);
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Numbers_where_strings_were_expected_and_unknown_members_and_enum_values_are_accepted(string name)
    {
        var error = await RunWithTransformedBodyAsync(name, token =>
        {
            foreach (var value in MutatingTransport.Tokens(token).OfType<JValue>().Where(v => v.Type == JTokenType.String && v.Parent is JProperty { Name: not ("created_at" or "updated_at") }).ToList())
                value.Value = value.Path.EndsWith("status") || value.Path.EndsWith("object") ? "BRAND_NEW_VALUE" : 12345;
            foreach (var obj in MutatingTransport.Tokens(token).OfType<JObject>().ToList()) obj["added_by_a_future_api"] = new JObject { ["x"] = 1 };
        });
        if (name == "wait for async action") Assert.IsType<AsyncActionTimeoutException>(error);
        else Assert.Null(error);
    }

    private static async Task<Exception?> RunWithTransformedBodyAsync(string name, Action<JToken> transform)
    {
        var transport = new ScriptedTransport();
        for (var i = 0; i < 50; i++)
        {
            transport.Then((request, _) =>
            {
                var (status, body) = Samples.SuccessFor(request.Method.Method, request.RequestUri!.AbsolutePath.Trim('/'));
                var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
                if (body != null)
                {
                    var token = JToken.Parse(body);
                    transform(token);
                    response.Content = new StringContent(token.ToString(), System.Text.Encoding.UTF8, "application/json");
                }
                return Task.FromResult(response);
            });
        }
        using var client = ClientOver(transport);
        var error = await RunAsync(OperationSamples.AllCalls.Single(o => o.Name == name), client);
        AssertDocumented(error, name);
        return error;
    }
}

namespace Voucherify.Tests;

/// <summary><c>catch (VoucherifyException)</c> catches every failure the library reports for a call.</summary>
public class ExceptionHierarchyTests
{
    [Fact]
    public void Every_public_exception_of_the_library_derives_from_VoucherifyException()
    {
        var exceptions = typeof(VoucherifyClient).Assembly.GetExportedTypes()
            .Where(type => typeof(Exception).IsAssignableFrom(type))
            .ToList();

        Assert.Contains(typeof(VoucherifyTimeoutException), exceptions);
        Assert.Contains(typeof(VoucherifyNetworkException), exceptions);
        Assert.Contains(typeof(VoucherifyPayloadTooLargeException), exceptions);
        Assert.Contains(typeof(AsyncActionTimeoutException), exceptions);
        Assert.All(exceptions, type => Assert.True(typeof(VoucherifyException).IsAssignableFrom(type), $"{type.Name} does not derive from VoucherifyException"));
    }

    [Fact]
    public async Task An_oversized_bulk_body_is_caught_as_a_VoucherifyException_and_still_names_its_argument()
    {
        using var t = new TestClient();
        var huge = new string('x', (int)BulkUpdateOptions.ApiMaxRequestBytes);

        var error = await Assert.ThrowsAnyAsync<VoucherifyException>(() => t.Customers.UpdateCustomersInBulkAsync(new[] { new CustomerBulkUpdateItem { SourceId = "a", Name = huge } }));

        Assert.Equal("body", Assert.IsType<VoucherifyPayloadTooLargeException>(error).ParamName);
        Assert.Empty(t.Requests);
    }
}

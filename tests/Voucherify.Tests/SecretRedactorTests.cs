namespace Voucherify.Tests;

/// <summary>The redactor masks the configured secret, and only that.</summary>
public class SecretRedactorTests
{
    [Fact]
    public void A_redactor_without_a_secret_returns_text_unchanged()
    {
        Assert.Equal("X-App-Token: abc", new SecretRedactor(null).Redact("X-App-Token: abc"));
        Assert.Equal("X-App-Token: ***", new SecretRedactor("abc").Redact("X-App-Token: abc"));
    }
}

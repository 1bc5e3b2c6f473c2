using System.Runtime.Versioning;

namespace Voucherify.ReliabilityTests;

/// <summary>The linked reliability tests in this project really run the library's netstandard2.0 build.</summary>
public class LoadedBuildTests
{
    [Fact]
    public void The_loaded_library_is_the_netstandard2_0_build()
    {
        var framework = typeof(VoucherifyClient).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).Cast<TargetFrameworkAttribute>().Single();

        Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
    }
}

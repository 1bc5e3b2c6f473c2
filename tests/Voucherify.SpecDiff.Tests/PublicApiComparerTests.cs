using Voucherify.SpecDiff.Diff;
using Voucherify.SpecDiff.PublicApi;

namespace Voucherify.SpecDiff.Tests;

/// <summary>How a change of a public-API baseline is classified for C# callers.</summary>
public class PublicApiComparerTests
{
    private const string Before = """
        namespace Voucherify
        {
            public class CustomerAddress
            {
                public CustomerAddress() { }
                [Newtonsoft.Json.JsonProperty("city")]
                public string? City { get; set; }
            }
            public class CustomersCreateRequestBody
            {
                public CustomersCreateRequestBody() { }
                public Voucherify.CustomerAddress? Address { get; set; }
                public string? Email { get; set; }
            }
            public interface ICustomersClient
            {
                System.Threading.Tasks.Task CreateAsync(Voucherify.CustomersCreateRequestBody body);
            }
            public sealed class Outer
            {
                public sealed class Inner
                {
                    public T? Read<T>()
                        where T :  class { }
                }
            }
            public abstract class VoucherifyClientBase { }
        }
        """;

    private static string Summary(string after) =>
        string.Join("\n", PublicApiComparer.Compare("Voucherify", Before, after).Select(c => $"{c.Severity.Text()} {c.Kind} {c.Location}"));

    private static string Edit(string from, string to) => SampleSpec.Edit(Before, from, to);

    [Fact]
    public void The_same_baseline_has_no_changes() => Assert.Equal("", Summary(Before));

    [Fact]
    public void Types_renamed_together_are_renames_and_members_that_only_name_them_are_not_changes()
    {
        var after = Before.Replace("CustomerAddress", "Address").Replace("CustomersCreateRequestBody", "CustomerCreateRequest");

        Assert.Equal("breaking type-renamed csharp:Voucherify.CustomerAddress\nbreaking type-renamed csharp:Voucherify.CustomersCreateRequestBody", Summary(after));
    }

    [Fact]
    public void A_renamed_member_is_a_rename() =>
        Assert.Equal("breaking member-renamed csharp:Voucherify.CustomersCreateRequestBody.Email",
            Summary(Edit("public string? Email { get; set; }", "public string? EmailAddress { get; set; }")));

    [Fact]
    public void A_retyped_member_is_a_change() =>
        Assert.Equal("breaking member-changed csharp:Voucherify.CustomersCreateRequestBody.Email",
            Summary(Edit("public string? Email { get; set; }", "public System.Net.Mail.MailAddress? Email { get; set; }")));

    [Fact]
    public void A_removed_member_and_a_removed_type_break_callers() =>
        Assert.Equal("breaking member-removed csharp:Voucherify.CustomersCreateRequestBody.Email\nbreaking type-removed csharp:Voucherify.Outer.Inner",
            Summary(SampleSpec.Edit(Edit("        public string? Email { get; set; }\n", ""),
                "        public sealed class Inner\n        {\n            public T? Read<T>()\n                where T :  class { }\n        }\n", "")));

    [Fact]
    public void A_member_added_to_a_class_is_additive_but_to_an_interface_it_breaks_implementations()
    {
        Assert.Equal("non-breaking member-added csharp:Voucherify.CustomersCreateRequestBody.Phone",
            Summary(Edit("public string? Email { get; set; }", "public string? Email { get; set; }\n        public string? Phone { get; set; }")));
        Assert.Equal("breaking interface-member-added csharp:Voucherify.ICustomersClient.DeleteAsync",
            Summary(Edit("System.Threading.Tasks.Task CreateAsync(Voucherify.CustomersCreateRequestBody body);",
                "System.Threading.Tasks.Task CreateAsync(Voucherify.CustomersCreateRequestBody body);\n        System.Threading.Tasks.Task DeleteAsync(string id);")));
    }

    [Fact]
    public void A_changed_json_name_compiles_as_before_and_is_info() =>
        Assert.Equal("info attributes-changed csharp:Voucherify.CustomerAddress.City",
            Summary(Edit("[Newtonsoft.Json.JsonProperty(\"city\")]", "[Newtonsoft.Json.JsonProperty(\"town\")]")));

    [Fact]
    public void A_new_base_interface_is_additive_a_new_base_class_is_not()
    {
        Assert.Equal("non-breaking type-gains-base csharp:Voucherify.Outer",
            Summary(Edit("public sealed class Outer\n", "public sealed class Outer : System.IDisposable\n")));
        Assert.Equal("breaking type-declaration-changed csharp:Voucherify.Outer",
            Summary(Edit("public sealed class Outer\n", "public class Outer\n")));
    }

    [Fact]
    public void A_constraint_on_its_own_line_belongs_to_its_member_and_nested_types_have_their_full_name()
    {
        var types = PublicApiListing.Parse(Before);

        var read = Assert.Single(types["Voucherify.Outer.Inner"].Members);
        Assert.Equal("Read", read.Name);
        Assert.Equal("public T? Read<T>() where T :  class { }", read.Text);
        Assert.Empty(types["Voucherify.VoucherifyClientBase"].Members);
        Assert.Equal("public abstract class VoucherifyClientBase", types["Voucherify.VoucherifyClientBase"].Declaration);
    }

    [Fact]
    public void A_package_that_appears_or_disappears_counts_whole()
    {
        Assert.All(PublicApiComparer.Compare("New", null, Before), c => Assert.Equal("type-added", c.Kind));
        Assert.All(PublicApiComparer.Compare("Gone", Before, null), c => Assert.Equal("type-removed", c.Kind));
    }
}

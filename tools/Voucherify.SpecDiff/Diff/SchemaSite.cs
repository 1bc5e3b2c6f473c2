namespace Voucherify.SpecDiff.Diff;

/// <summary>
/// Where the schema walk stands: the pointer of the element in the base and in the working tree (they differ once a
/// schema moves or a reference is followed), and the reader's name for it (<c>request body `address.city`</c>).
/// </summary>
internal readonly record struct SchemaSite(string BasePointer, string NewPointer, string Prefix, string MemberPath)
{
    /// <summary>The element as a reason names it.</summary>
    public string Subject => MemberPath.Length == 0 ? Prefix : $"{Prefix} `{MemberPath}`";

    /// <summary>One keyword (or property, or index) deeper, in both documents.</summary>
    public SchemaSite Child(params string[] tokens) =>
        this with { BasePointer = Pointer.Append(BasePointer, tokens), NewPointer = Pointer.Append(NewPointer, tokens) };

    /// <summary>A member of the object at this site.</summary>
    public SchemaSite Member(string name) =>
        Child("properties", name) with { MemberPath = MemberPath.Length == 0 ? name : $"{MemberPath}.{name}" };

    /// <summary>The items of the array at this site.</summary>
    public SchemaSite Items() => Child("items") with { MemberPath = MemberPath + "[]" };
}

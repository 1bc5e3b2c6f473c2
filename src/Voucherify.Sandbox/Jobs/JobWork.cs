namespace Voucherify.Sandbox.Jobs;

/// <summary>What an async action does: a number of items processed one by one, then a result in the type's shape.</summary>
internal abstract class JobWork
{
    /// <summary>The async action's <c>type</c>, e.g. <c>CUSTOMERS.IMPORT_CSV</c>.</summary>
    public abstract string Type { get; }

    public abstract int Count { get; }

    /// <summary>When set, the job fails as soon as it starts, without processing anything.</summary>
    public virtual string? FatalProblem => null;

    public abstract void Process(int index);

    /// <summary>Drops the input once the job has ended (the result stays): a finished import keeps no rows.</summary>
    public virtual void Release()
    {
    }

    /// <summary>The result object (a generated result DTO, or its JSON) as it stands when the job ends at <paramref name="finishedAt"/>.</summary>
    public abstract object Result(DateTimeOffset finishedAt);
}

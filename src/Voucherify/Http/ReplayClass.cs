namespace Voucherify.Http
{
    /// <summary>
    /// What the spec (<c>x-voucherify-replay</c>) says about sending an operation's request a second time.
    /// <see cref="ReplayPolicy"/> turns it into a decision for one request.
    /// </summary>
    internal enum ReplayClass
    {
        /// <summary><c>never</c>: a second copy could act twice (start a second job); re-sent only if the first provably never reached the server.</summary>
        Never,

        /// <summary><c>safe</c>: sending it twice has the same effect as once (GET, PUT, DELETE).</summary>
        Safe,

        /// <summary><c>upsert-when-id-or-source_id</c>: safe when the body names the resource by <c>id</c> or <c>source_id</c>, otherwise <see cref="Never"/>.</summary>
        UpsertWhenIdOrSourceId,
    }
}

namespace LlmTco.Pricing;

/// <summary>A pricing-table row that names where its figures come from and when they were read.</summary>
public interface ISourcedRow
{
    /// <summary>Gets the public page the row's figures were read from.</summary>
    Uri SourceUrl { get; }

    /// <summary>
    /// Gets whether <see cref="SourceUrl"/> is the publisher's own page or a copy (the optional <c>source_kind</c>
    /// column); <see langword="null"/> when the row does not say.
    /// </summary>
    SourceKind? SourceKind { get; }

    /// <summary>Gets the date the source was read (the <c>checked_on</c> column).</summary>
    DateOnly CheckedOn { get; }

    /// <summary>Gets free-text notes about the row (conversions made, caveats), or <see langword="null"/>.</summary>
    string? Notes { get; }
}

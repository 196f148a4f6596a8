namespace LlmTco.Pricing.Import;

/// <summary>
/// What every imported row needs that a third-party price file does not say: where the file was read
/// (<c>source_url</c>), when (<c>checked_on</c>), and which <c>effective_from</c> to give prices that have no start date.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class PriceImportOptions
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="sourceUrl">
    /// The URL of the file that was read, written to every row's <c>source_url</c>; prefer a link to the exact version
    /// (a commit), e.g. <c>https://github.com/pydantic/genai-prices/blob/&lt;commit&gt;/prices/data.json</c>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="sourceUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sourceUrl"/> is not an absolute http(s) URL.</exception>
    public PriceImportOptions(Uri sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        if (!sourceUrl.IsAbsoluteUri || (sourceUrl.Scheme != Uri.UriSchemeHttps && sourceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The source URL must be an absolute http(s) URL; got '{sourceUrl.OriginalString}'.", nameof(sourceUrl));
        }

        SourceUrl = sourceUrl;
    }

    /// <summary>Gets the URL of the file that was read, written to every row's <c>source_url</c>.</summary>
    public Uri SourceUrl { get; }

    /// <summary>Gets the date the file was read, written to every row's <c>checked_on</c>.</summary>
    /// <value>The default value is today's date in UTC, taken when the options are created.</value>
    public DateOnly CheckedOn { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Gets the <c>effective_from</c> of prices whose source gives no start date (every LiteLLM price, and a
    /// genai-prices price without a <c>start_date</c> constraint); <see langword="null"/> for <see cref="CheckedOn"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Gets the start date given to prices without one: <see cref="EffectiveFrom"/>, else <see cref="CheckedOn"/>.</summary>
    internal DateOnly UnknownStart => EffectiveFrom ?? CheckedOn;
}

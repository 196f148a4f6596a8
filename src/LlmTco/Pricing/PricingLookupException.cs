namespace LlmTco.Pricing;

/// <summary>
/// Thrown when a catalog lookup finds nothing: an unknown provider, model, GPU or plan, or no price in force on a date.
/// The message names the nearest known ids, so a typo is easy to fix. A lookup never returns a silent zero price.
/// </summary>
public sealed class PricingLookupException : KeyNotFoundException
{
    /// <summary>Initializes a new instance with no message.</summary>
    public PricingLookupException()
    {
        Suggestions = [];
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What was looked up and why nothing matched.</param>
    public PricingLookupException(string message)
        : base(message)
    {
        Suggestions = [];
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">What was looked up and why nothing matched.</param>
    /// <param name="innerException">The cause.</param>
    public PricingLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Suggestions = [];
    }

    /// <summary>Initializes a new instance with a message and the nearest known ids.</summary>
    /// <param name="message">What was looked up and why nothing matched.</param>
    /// <param name="suggestions">The nearest known ids, best first.</param>
    public PricingLookupException(string message, IReadOnlyList<string> suggestions)
        : base(message)
    {
        Suggestions = suggestions ?? [];
    }

    /// <summary>Gets the nearest known ids to the one asked for, best first; empty when none is close.</summary>
    public IReadOnlyList<string> Suggestions { get; }
}

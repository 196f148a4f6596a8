namespace LlmTco.Pricing.Csv;

/// <summary>The words the CSV tables use for enumerations, in both directions.</summary>
internal static class Words
{
    public static readonly IReadOnlyDictionary<string, ServiceTier> ServiceTiers = new Dictionary<string, ServiceTier>(StringComparer.Ordinal)
    {
        ["standard"] = ServiceTier.Standard,
        ["flex"] = ServiceTier.Flex,
        ["priority"] = ServiceTier.Priority,
    };

    public static readonly IReadOnlyDictionary<string, RentalPlan> RentalPlans = new Dictionary<string, RentalPlan>(StringComparer.Ordinal)
    {
        ["on-demand"] = RentalPlan.OnDemand,
        ["spot"] = RentalPlan.Spot,
        ["reserved-1y"] = RentalPlan.Reserved1Year,
        ["reserved-3y"] = RentalPlan.Reserved3Year,
    };

    public static readonly IReadOnlyDictionary<string, NumericPrecision> Precisions = new Dictionary<string, NumericPrecision>(StringComparer.Ordinal)
    {
        ["bf16"] = NumericPrecision.Bf16,
        ["fp16"] = NumericPrecision.Fp16,
        ["fp8"] = NumericPrecision.Fp8,
        ["int8"] = NumericPrecision.Int8,
        ["int4"] = NumericPrecision.Int4,
        ["fp4"] = NumericPrecision.Fp4,
    };

    public static readonly IReadOnlyDictionary<string, ModelArchitecture> Architectures = new Dictionary<string, ModelArchitecture>(StringComparer.Ordinal)
    {
        ["dense"] = ModelArchitecture.Dense,
        ["moe"] = ModelArchitecture.MixtureOfExperts,
    };

    public static readonly IReadOnlyDictionary<string, SourceKind> SourceKinds = new Dictionary<string, SourceKind>(StringComparer.Ordinal)
    {
        ["primary"] = SourceKind.Primary,
        ["secondary"] = SourceKind.Secondary,
    };

    public static readonly IReadOnlyDictionary<string, EffectiveDateBasis> EffectiveDateBases = new Dictionary<string, EffectiveDateBasis>(StringComparer.Ordinal)
    {
        ["published"] = EffectiveDateBasis.Published,
        ["observed"] = EffectiveDateBasis.Observed,
    };

    /// <summary>ISO 4217 codes accepted in <c>currency</c> columns.</summary>
    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "JPY", "CNY", "CAD", "AUD", "CHF", "INR", "SGD", "KRW", "SEK", "NOK", "DKK", "PLN", "BRL",
    };

    public static IReadOnlyDictionary<string, T> For<T>()
        where T : struct, Enum => typeof(T) switch
        {
            var t when t == typeof(ServiceTier) => (IReadOnlyDictionary<string, T>)ServiceTiers,
            var t when t == typeof(RentalPlan) => (IReadOnlyDictionary<string, T>)RentalPlans,
            var t when t == typeof(NumericPrecision) => (IReadOnlyDictionary<string, T>)Precisions,
            var t when t == typeof(ModelArchitecture) => (IReadOnlyDictionary<string, T>)Architectures,
            var t when t == typeof(SourceKind) => (IReadOnlyDictionary<string, T>)SourceKinds,
            var t when t == typeof(EffectiveDateBasis) => (IReadOnlyDictionary<string, T>)EffectiveDateBases,
            _ => new Dictionary<string, T>(),
        };

    public static string ToWord<T>(IReadOnlyDictionary<string, T> words, T value)
        where T : struct, Enum =>
        words.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    public static string ToWord(ServiceTier value) => ToWord(ServiceTiers, value);

    public static string ToWord(RentalPlan value) => ToWord(RentalPlans, value);

    public static string ToWord(NumericPrecision value) => ToWord(Precisions, value);
}

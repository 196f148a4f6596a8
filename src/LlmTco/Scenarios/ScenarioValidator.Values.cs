using System.Globalization;
using LlmTco.Pricing.Csv;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Scenarios;

// The checks of single values that every part uses; each adds at most one error at the value's path.
internal sealed partial class ScenarioValidator
{
    private void Text(string? value, PathRef path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, value, "is required");
        }
        else if (PrintableText.FirstUnprintable(value) is { } hidden)
        {
            errors.Add(path, value, $"holds {hidden}, an invisible or direction-changing character; names and ids are printable text");
        }
    }

    private bool Finite(double value, PathRef path, bool capped = true)
    {
        if (!double.IsFinite(value))
        {
            errors.Add(path, value, "must be a finite number");
            return false;
        }

        if (capped && Math.Abs(value) > MaxInputMagnitude)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"is above the limit of {MaxInputMagnitude:G1} for any number in a scenario (results this large would overflow)"));
            return false;
        }

        return true;
    }

    /// <summary>A finite number of at least 0; <paramref name="capped"/> false leaves out <see cref="MaxInputMagnitude"/> for a volume that the token limit bounds instead.</summary>
    private bool NonNegative(double value, PathRef path, bool capped = true)
    {
        if (!Finite(value, path, capped))
        {
            return false;
        }

        if (value < 0)
        {
            errors.Add(path, value, "must not be negative");
            return false;
        }

        return true;
    }

    private void Positive(double value, PathRef path)
    {
        if (Finite(value, path) && value <= 0)
        {
            errors.Add(path, value, "must be greater than 0");
        }
        else if (value > 0 && value < MinDivisor)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"is below the limit of {MinDivisor:G1} (figures divided by a value this small would overflow)"));
        }
    }

    private void Fraction(double value, PathRef path)
    {
        if (Finite(value, path) && (value <= 0 || value > 1))
        {
            errors.Add(path, value, "must be greater than 0 and at most 1");
        }
        else if (value > 0 && value < MinDivisor)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"is below the limit of {MinDivisor:G1} (figures divided by a value this small would overflow)"));
        }
    }

    private bool Range(double value, PathRef path, double min, double max, string what)
    {
        if (!Finite(value, path))
        {
            return false;
        }

        if (value < min || value > max)
        {
            errors.Add(path, value, "must be " + what);
            return false;
        }

        return true;
    }

    private void AtLeast(int value, int min, PathRef path)
    {
        if (value < min)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"must be at least {min}"));
        }
    }

    private void Between(int value, int min, int max, PathRef path)
    {
        if (value < min || value > max)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"must be from {min:N0} to {max:N0}"));
        }
    }

    private void MonthInHorizon(int month, PathRef path, int horizon)
    {
        if (month < 1 || (horizon > 0 && month > horizon))
        {
            errors.Add(path, month, string.Create(CultureInfo.InvariantCulture, $"must be a month from 1 to the horizon ({horizon})"));
        }
    }

    private void Defined<T>(T value, PathRef path)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(path, Convert.ToString(value, CultureInfo.InvariantCulture), $"is not a valid {typeof(T).Name}");
        }
    }
}

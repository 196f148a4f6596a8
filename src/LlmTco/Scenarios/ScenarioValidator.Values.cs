using System.Globalization;
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
    }

    private bool Finite(double value, PathRef path)
    {
        if (double.IsFinite(value))
        {
            return true;
        }

        errors.Add(path, value, "must be a finite number");
        return false;
    }

    private bool NonNegative(double value, PathRef path)
    {
        if (!Finite(value, path))
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
    }

    private void Fraction(double value, PathRef path)
    {
        if (Finite(value, path) && (value <= 0 || value > 1))
        {
            errors.Add(path, value, "must be greater than 0 and at most 1");
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

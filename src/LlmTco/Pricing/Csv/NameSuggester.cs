namespace LlmTco.Pricing.Csv;

/// <summary>Finds the known names nearest to a misspelt one, for "did you mean" messages.</summary>
internal static class NameSuggester
{
    public static IReadOnlyList<string> Nearest(string wanted, IEnumerable<string> known, int max = 3)
    {
        var target = wanted.ToUpperInvariant();
        var scored = known
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Distance: Score(target, k.ToUpperInvariant())))
            .Where(x => x.Distance <= Math.Max(3, target.Length / 2))
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        // Only the closest names (and those one edit further) are worth showing.
        var best = scored.Min(x => x.Distance);
        return scored
            .Where(x => x.Distance <= best + 1)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    public static string DidYouMean(string wanted, IEnumerable<string> known)
    {
        var nearest = Nearest(wanted, known);
        return nearest.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?";
    }

    /// <summary>Levenshtein distance, with a containment shortcut so "gpt-4o" finds "gpt-4o-2024-08-06".</summary>
    private static int Score(string a, string b)
    {
        if (a.Length > 2 && (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal)))
        {
            return 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

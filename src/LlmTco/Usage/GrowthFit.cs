namespace LlmTco.Usage;

/// <summary>
/// A compound monthly growth fitted on monthly request volumes: least squares of ln(requests) on the month index
/// (MathNet.Numerics), so ln V(m) = <c>a</c> + <c>b</c>·m and the growth is e^b − 1.
/// </summary>
/// <param name="Months">The full months fitted.</param>
/// <param name="MonthlyRate">The growth a month, e^b − 1 (0.05 = 5 % a month); 0 with fewer than two months.</param>
/// <param name="StandardError">The standard error of <paramref name="MonthlyRate"/>, e^b · SE(b) (delta method); 0 with
/// fewer than three months, where the residuals leave no degree of freedom.</param>
/// <param name="ResidualStandardDeviation">The standard deviation of the residuals of ln(requests), √(Σr² / (n − 2)); 0 with
/// fewer than three months.</param>
/// <param name="NextMonthRequests">The fitted requests of the month after the last one fitted, e^(a + b·n).</param>
public sealed record GrowthFit(int Months, double MonthlyRate, double StandardError, double ResidualStandardDeviation, double NextMonthRequests);

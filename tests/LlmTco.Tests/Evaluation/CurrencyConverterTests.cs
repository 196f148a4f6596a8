using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Uncertainty;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Evaluation;

/// <summary>
/// Prices in another currency than the scenario's, converted at the rate of each price's month. The rates are the test
/// tables' round made-up ones (<see cref="TestTables"/>): EUR/USD 1.25 in 2025-05, 1.5625 in 2025-06, 1.6 in 2025-07 (the
/// last, held after it); EUR/GBP 0.8 in each of those months.
/// </summary>
public sealed class CurrencyConverterTests
{
    private const double Tolerance = 1e-9;

    /// <summary>1e6 requests of 1,000 input and 500 output tokens, no cache, no batch.</summary>
    private static TrafficProfile Plain { get; } = new() { Name = "plain", MonthlyRequests = 1e6, InputTokensPerRequest = 1000, OutputTokensPerRequest = 500 };

    private static Scenario LargeIn(string currency, int months) => new()
    {
        Name = "fx",
        StartDate = new DateOnly(2025, 5, 1),
        HorizonMonths = months,
        Currency = currency,
        Workload = new Workload { Profiles = [Plain] },
        ApiOptions = [AcmeLarge],
    };

    [Fact]
    public void Evaluate_EurScenarioOnUsdRows_ConvertsEachMonthAtItsRateAndHoldsTheLastOne()
    {
        // Given acme-large (USD: 10 in / 40 out to 2025-06-10, then 2 / 8) in a EUR scenario from 2025-05 to 2025-08
        var result = Engine.Evaluate(LargeIn("EUR", 4));

        // Then the USD bill (1e9 × 10 + 5e8 × 40) / 1e6 = 30,000 in May and June, (1e9 × 2 + 5e8 × 8) / 1e6 = 6,000 from July,
        // is converted at 1 ÷ 1.25 = 0.8, 1 ÷ 1.5625 = 0.64, 1 ÷ 1.6 = 0.625, and 0.625 held in August:
        // 24,000; 19,200; 3,750; 3,750
        result.Option("Acme Large").Months.Select(m => m.Cost(CostLine.ApiUsage)).Should()
            .Equal([24_000, 19_200, 3_750, 3_750], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_EurScenarioOnUsdRows_NamesEveryRateAndWarnsThatTheLastIsHeld()
    {
        var assumptions = Engine.Evaluate(LargeIn("EUR", 4)).Assumptions;

        // Then one statement gives the rate of each run of months, a warning says August holds July's rate, and each row
        // read is a table-row assumption with its source
        assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Choice && a.Text.StartsWith("USD prices are converted into EUR", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("2025-05: 0.8 EUR per USD (EUR/USD 1.25 of 2025-05)", "2025-06: 0.64 EUR per USD", "2025-07: 0.625 EUR per USD (EUR/USD 1.6 of 2025-07)", "2025-08: 0.625 EUR per USD (EUR/USD 1.6 of 2025-07, held)");
        assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Warning && a.Text.StartsWith("No published", StringComparison.Ordinal))
            .Which.Text.Should().StartWith("No published USD/EUR rate after 2025-07: 1 month(s) from 2025-08 hold the last published rate");
        assumptions.Where(a => a.Kind == AssumptionKind.TableRow && a.Text.StartsWith("exchange_rates.csv", StringComparison.Ordinal)).Should().HaveCount(3)
            .And.OnlyContain(a => a.SourceUrl == new Uri("https://example.com/fx"));
    }

    [Fact]
    public void Evaluate_GbpScenarioOnUsdRows_CrossesThroughEur()
    {
        // Given a GBP scenario, with no USD/GBP row: 1 USD = EUR/GBP ÷ EUR/USD = 0.8 ÷ 1.25 = 0.64, 0.8 ÷ 1.5625 = 0.512,
        // 0.8 ÷ 1.6 = 0.5 GBP
        var months = Engine.Evaluate(LargeIn("GBP", 3)).Option("Acme Large").Months;

        // Then 30,000 × 0.64 = 19,200; 30,000 × 0.512 = 15,360; 6,000 × 0.5 = 3,000
        months.Select(m => m.Cost(CostLine.ApiUsage)).Should().Equal([19_200, 15_360, 3_000], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_RateGivenInTheScenario_ReplacesTheTablesInEveryMonth()
    {
        // Given 1 USD = 0.9 EUR fixed in the scenario
        var scenario = LargeIn("EUR", 3) with { ExchangeRates = [new ExchangeRateOverride { Currency = "USD", ScenarioCurrencyPerUnit = 0.9 }] };

        var result = Engine.Evaluate(scenario);

        // Then 30,000 × 0.9 = 27,000; 27,000; 6,000 × 0.9 = 5,400, and the assumption says where the rate comes from
        result.Option("Acme Large").Months.Select(m => m.Cost(CostLine.ApiUsage)).Should().Equal([27_000, 27_000, 5_400], (a, b) => Math.Abs(a - b) < Tolerance);
        result.Assumptions.Should().ContainSingle(a => a.Text == "USD prices are converted at 0.9 EUR per USD in every month, the rate given in the scenario's exchangeRates.");
    }

    [Fact]
    public void Evaluate_MonthWithoutARate_ThrowsNamingThePairAndTheMonth()
    {
        // Given a EUR scenario from 2025-04, a month before the first EUR/USD row
        var act = () => Engine.Evaluate(LargeIn("EUR", 2) with { StartDate = new DateOnly(2025, 4, 1) });

        act.Should().Throw<PricingLookupException>().Which.Message.Should().Be(
            "$.apiOptions[0]: No exchange rate from USD to EUR for 2025-04: exchange_rates.csv has EUR/USD from 2025-05 to 2025-07, and a month after a pair's last rate takes that rate; add a row for 2025-04 or give the scenario's exchangeRates.");
    }

    [Fact]
    public void Evaluate_ScenarioInTheRowsCurrency_IsUnchanged()
    {
        // Given the same scenario in USD: no conversion, 30,000; 30,000; 6,000 and no exchange-rate statement
        var result = Engine.Evaluate(LargeIn("USD", 3));

        result.Option("Acme Large").Months.Select(m => m.Cost(CostLine.ApiUsage)).Should().Equal(30_000, 30_000, 6_000);
        result.Assumptions.Should().NotContain(a => a.Text.Contains("exchange", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void MonteCarlo_UncertainExchangeRate_ScalesTheConvertedBill()
    {
        // Given one month (2025-05, 30,000 USD) in EUR, the rate drawn as a point at 0.9 (no discounting)
        var scenario = LargeIn("EUR", 1) with
        {
            ExchangeRates = [new ExchangeRateOverride { Currency = "USD" }],
            Uncertainty = new UncertaintySettings
            {
                Trials = 20,
                Inputs = [new UncertainInput { Path = "exchangeRates[0].scenarioCurrencyPerUnit", Distribution = Distribution.Point(0.9) }],
            },
        };

        var result = new MonteCarloSimulator(Catalog).Run(scenario);

        // Then every trial bills 30,000 × 0.9 = 27,000 EUR, while the scenario itself (table rate 0.8) bills 24,000
        result.Option("Acme Large").Npv.P50.Should().BeApproximately(27_000, 1e-6);
        Engine.Evaluate(scenario).Option("Acme Large").Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(24_000, Tolerance);
    }

    [Fact]
    public void Parse_ExchangeRates_ReadsThemAndRejectsTheScenariosOwnCurrencyAndANonPositiveRate()
    {
        const string Json = """
            { "name": "fx", "startDate": "2025-05-01", "horizonMonths": 1, "currency": "EUR",
              "exchangeRates": [ { "currency": "USD", "scenarioCurrencyPerUnit": 0.9 } ],
              "workload": { "profiles": [ { "name": "p", "monthlyRequests": 1, "inputTokensPerRequest": 1, "outputTokensPerRequest": 1 } ] },
              "apiOptions": [ { "name": "a", "provider": "acme", "model": "acme-mini" } ] }
            """;

        ScenarioJson.Parse(Json).ExchangeRates.Should().Equal(new ExchangeRateOverride { Currency = "USD", ScenarioCurrencyPerUnit = 0.9 });
        var own = () => ScenarioJson.Parse(Json.Replace("\"USD\"", "\"EUR\"", StringComparison.Ordinal));
        own.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.Path == "$.exchangeRates[0].currency");
        var zero = () => ScenarioJson.Parse(Json.Replace("0.9", "0", StringComparison.Ordinal));
        zero.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.Path == "$.exchangeRates[0].scenarioCurrencyPerUnit");
    }
}

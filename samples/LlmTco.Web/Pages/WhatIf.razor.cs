using System.Diagnostics;
using System.Globalization;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Uncertainty;
using LlmTco.Web.Charts;
using LlmTco.Workloads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace LlmTco.Web.Pages;

/// <summary>
/// The what-if page: a scenario (bundled, from a file, or from the link), its inputs as controls, and the result of
/// <see cref="TcoEngine.Evaluate"/> redrawn after every change; Monte Carlo on demand through
/// <see cref="MonteCarloSimulator"/>. The page only edits the <see cref="Scenario"/> record (with <c>with</c>) and
/// draws the result: every figure comes from the library.
/// </summary>
public sealed partial class WhatIf
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The page's catalog: the bundled pricing tables, as the sample app's <c>run</c> uses them.</summary>
    private static readonly PricingCatalog Catalog = PricingCatalog.Default;

    private readonly TcoEngine engine = new(Catalog);

    private Scenario? scenario;
    private string? bundledName;
    private bool edited;
    private ScenarioResult? result;
    private IReadOnlyList<string> errors = [];
    private string? source;

    private (string Cumulative, string Volume, string PerMillion)? charts;
    private double evaluateMs;
    private double drawMs;
    private double width = 900;

    private MonteCarloResult? monteCarlo;
    private (string Fan, string Probability)? monteCarloCharts;
    private bool monteCarloRunning;
    private int monteCarloTrials;
    private double monteCarloSeconds;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private IJSInProcessRuntime Js => (IJSInProcessRuntime)JS;

    /// <summary>The width the charts are drawn at, in SVG units: the window's, between a phone's and a wide screen's.</summary>
    private double ChartWidth => Math.Clamp(width - 40, 360, 960);

    protected override void OnInitialized()
    {
        width = Js.Invoke<double>("llmtco.width");
        var (name, json, error) = ScenarioLink.Read(Js.Invoke<string>("llmtco.fragment"));
        if (json is not null)
        {
            LoadJson(json, "the link", bundled: null);
        }
        else
        {
            LoadBundled(name is not null && BundledScenarios.Names.Contains(name) ? name : BundledScenarios.Headline);
            if (error is not null || (name is not null && !BundledScenarios.Names.Contains(name)))
            {
                errors = [error ?? $"the link names '{name}', which is not a bundled scenario ({string.Join(", ", BundledScenarios.Names)}); showing {BundledScenarios.Headline}"];
            }
        }
    }

    protected override void OnAfterRender(bool firstRender) => Js.InvokeVoid("llmtco.rendered", evaluateMs, drawMs);

    private void LoadBundled(string name) => _ = LoadJson(BundledScenarios.Text(name), $"bundled scenario {name}", name);

    /// <summary>
    /// Reads a scenario as the CLI does (<see cref="ScenarioJson.Parse"/>: every problem with its JSON path); a scenario
    /// that is not valid leaves the one on the screen.
    /// </summary>
    private bool LoadJson(string json, string from, string? bundled)
    {
        try
        {
            var parsed = ScenarioJson.Parse(json);
            scenario = parsed;
            bundledName = bundled;
            edited = false;
            source = from;
            monteCarloTrials = Math.Min(parsed.Uncertainty?.Trials ?? 0, 1000);
            Evaluate();
            return true;
        }
        catch (ScenarioValidationException ex)
        {
            errors = [$"{from} is not a valid scenario:", .. ex.Errors.Select(e => e.ToString())];
            return false;
        }
    }

    private async Task PickFile(InputFileChangeEventArgs e)
    {
        const long MaxBytes = 4 * 1024 * 1024;
        try
        {
            await using var stream = e.File.OpenReadStream(MaxBytes);
            using var reader = new StreamReader(stream);
            if (LoadJson(await reader.ReadToEndAsync(), e.File.Name, bundled: null))
            {
                edited = true;
                UpdateLink();
            }
        }
        catch (IOException ex)
        {
            errors = [$"{e.File.Name}: {ex.Message}"];
        }
    }

    /// <summary>Evaluates the current scenario and draws its charts; errors keep the last good result on the screen.</summary>
    private void Evaluate()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            result = engine.Evaluate(scenario!);
            errors = [];
        }
        catch (ScenarioValidationException ex)
        {
            errors = ex.Errors.Select(e => e.ToString()).ToList();
        }
        catch (PricingLookupException ex)
        {
            errors = [ex.Message];
        }

        evaluateMs = clock.Elapsed.TotalMilliseconds;
        monteCarlo = null;
        monteCarloCharts = null;
        if (errors.Count == 0)
        {
            clock.Restart();
            charts = (ResultCharts.CumulativeCost(result!, ChartWidth), ResultCharts.CostByVolume(result!, ChartWidth), ResultCharts.CostPerMillionTokens(result!, ChartWidth));
            drawMs = clock.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>Applies one edit to the scenario, re-evaluates and puts the new scenario in the link.</summary>
    private void Edit(Func<Scenario, Scenario> change)
    {
        scenario = change(scenario!);
        edited = true;
        Evaluate();
        UpdateLink();
    }

    private void UpdateLink() =>
        Js.InvokeVoid("llmtco.setFragment", !edited && bundledName is not null ? ScenarioLink.Bundled(bundledName) : ScenarioLink.Whole(ScenarioJson.Serialize(scenario!)));

    /// <summary>
    /// A number typed or dragged; a text that is not a number (read culture-invariantly: 0.15, never 0,15) is reported
    /// with the path of the input it was meant for and changes nothing.
    /// </summary>
    private void Number(ChangeEventArgs e, string path, Func<Scenario, double, Scenario> change)
    {
        var text = e.Value?.ToString()?.Trim() ?? string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, Inv, out var value) || !double.IsFinite(value))
        {
            errors = [$"{path}: not a number (value: {text})"];
            return;
        }

        Edit(s => change(s, value));
    }

    /// <summary>An optional number: an empty box means "not set".</summary>
    private void OptionalNumber(ChangeEventArgs e, string path, Func<Scenario, double?, Scenario> change)
    {
        if (string.IsNullOrWhiteSpace(e.Value?.ToString()))
        {
            Edit(s => change(s, null));
            return;
        }

        Number(e, path, (s, v) => change(s, v));
    }

    private static Scenario WithProfile(Scenario s, int index, Func<TrafficProfile, TrafficProfile> change) =>
        s with { Workload = s.Workload with { Profiles = s.Workload.Profiles.Select((p, i) => i == index ? change(p) : p).ToList() } };

    private static Scenario WithApi(Scenario s, int index, Func<ApiOption, ApiOption> change) =>
        s with { ApiOptions = s.ApiOptions.Select((o, i) => i == index ? change(o) : o).ToList() };

    private static Scenario WithSelfHosted(Scenario s, int index, Func<SelfHostedOption, SelfHostedOption> change) =>
        s with { SelfHostedOptions = s.SelfHostedOptions.Select((o, i) => i == index ? change(o) : o).ToList() };

    private static Scenario WithRented(Scenario s, int index, Func<RentedCompute, RentedCompute> change) =>
        WithSelfHosted(s, index, o => o with { Rented = change(o.Rented!) });

    private static Scenario WithPeople(Scenario s, int index, Func<PeopleCosts, PeopleCosts> change) =>
        WithSelfHosted(s, index, o => o with { People = change(o.People ?? new PeopleCosts()) });

    /// <summary>A latency target with one bound changed; none when both bounds are empty.</summary>
    private static LatencyTarget? WithLatency(LatencyTarget? latency, double? ttft, double? tokensPerSecond) =>
        ttft is null && tokensPerSecond is null ? null : new LatencyTarget { MaxTimeToFirstTokenSeconds = ttft, MinOutputTokensPerSecondPerRequest = tokensPerSecond };

    // The catalog's lists the choices come from, each built once (the same list instance lets Choice skip a render).
    private static readonly IReadOnlyList<string> ApiProviders = Catalog.ApiPrices.Select(p => p.Provider).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    private static readonly Dictionary<string, IReadOnlyList<string>> ApiModelsByProvider = Catalog.ApiPrices
        .GroupBy(p => p.Provider, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.ModelId).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);

    private static readonly IReadOnlyList<string> OpenModels = Catalog.OpenModels.Select(m => m.ModelId).Order(StringComparer.Ordinal).ToList();

    private static readonly IReadOnlyList<string> Gpus = Catalog.Gpus.Select(g => g.GpuModel).Order(StringComparer.Ordinal).ToList();

    /// <summary>The rental offers' choices, keyed "gpu", "gpu|provider" and "gpu|provider|plan": providers, plans and regions.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> RentalChoices = Catalog.GpuRentalOffers
        .SelectMany(o => new (string Key, string Item)[] { (o.GpuModel, o.Provider), ($"{o.GpuModel}|{o.Provider}", Plan(o.Plan)), ($"{o.GpuModel}|{o.Provider}|{Plan(o.Plan)}", o.Region) })
        .GroupBy(x => x.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Item).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyList<string> ApiModels(string provider) => ApiModelsByProvider.GetValueOrDefault(provider) ?? [];

    private static IReadOnlyList<string> RentalProviders(string gpu) => RentalChoices.GetValueOrDefault(gpu) ?? [];

    private static IReadOnlyList<string> RentalPlans(string gpu, string provider) => RentalChoices.GetValueOrDefault($"{gpu}|{provider}") ?? [];

    /// <summary>The regions of an offer, after "cheapest" (the empty name: no region asked for).</summary>
    private static IReadOnlyList<string> Regions(string gpu, string provider, RentalPlan plan) =>
        RegionChoices.GetValueOrDefault($"{gpu}|{provider}|{Plan(plan)}") ?? [string.Empty];

    private static readonly Dictionary<string, IReadOnlyList<string>> RegionChoices = RentalChoices
        .Where(c => c.Key.Count(ch => ch == '|') == 2)
        .ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value.Prepend(string.Empty).ToList(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A catalog list with the scenario's own value in it (the same list when it is there already).</summary>
    private static IReadOnlyList<string> With(IReadOnlyList<string> list, string? value) =>
        value is null || list.Contains(value, StringComparer.OrdinalIgnoreCase) ? list : list.Prepend(value).ToList();

    private static readonly Dictionary<string, RentalPlan> PlansByWord = Enum.GetValues<RentalPlan>().ToDictionary(Plan, p => p);

    /// <summary>A new API provider keeps the model when the provider sells it, else takes the provider's first model.</summary>
    private void ApiProvider(int index, string provider) => Edit(s => WithApi(s, index, o => o with
    {
        Provider = provider,
        Model = ApiModels(provider).Contains(o.Model, StringComparer.OrdinalIgnoreCase) ? o.Model : ApiModels(provider).First(),
    }));

    /// <summary>
    /// A new GPU keeps the rental provider when it rents that GPU (else takes the first that does), and the plan when
    /// offered (else the first); the region is left to the cheapest offer.
    /// </summary>
    private void Gpu(int index, string gpu) => Edit(s => WithSelfHosted(s, index, o =>
    {
        if (o.Rented is not { } rented || RentalProviders(gpu).Count == 0)
        {
            return o with { Gpu = gpu };
        }

        var provider = RentalProviders(gpu).Contains(rented.Provider, StringComparer.OrdinalIgnoreCase) ? rented.Provider : RentalProviders(gpu).First();
        return o with { Gpu = gpu, Rented = Rental(rented, gpu, provider) };
    }));

    private void RentalProvider(int index, string provider) => Edit(s => WithSelfHosted(s, index, o => o with { Rented = Rental(o.Rented!, o.Gpu, provider) }));

    private static RentedCompute Rental(RentedCompute rented, string gpu, string provider)
    {
        var plans = RentalPlans(gpu, provider);
        var plan = plans.Count == 0 || plans.Contains(Plan(rented.Plan)) ? rented.Plan : PlansByWord[plans[0]];
        var sameOffer = string.Equals(provider, rented.Provider, StringComparison.OrdinalIgnoreCase) && plan == rented.Plan;
        return rented with { Provider = provider, Plan = plan, Region = sameOffer ? rented.Region : null, Sku = sameOffer ? rented.Sku : null };
    }

    private void ChoosePlan(int index, string word) => Edit(s => WithRented(s, index, r => r with
    {
        Plan = PlansByWord[word],
        Region = r.Region is not null && Regions(s.SelfHostedOptions[index].Gpu, r.Provider, PlansByWord[word]).Contains(r.Region) ? r.Region : null,
        Sku = null,
    }));

    private void Horizon(ChangeEventArgs e) => Number(e, "horizonMonths", (s, v) => s with { HorizonMonths = (int)Math.Round(v) });

    private void Download()
    {
        var name = (bundledName ?? "scenario") + (edited ? "-what-if" : string.Empty) + ".json";
        Js.InvokeVoid("llmtco.download", name, ScenarioJson.Serialize(scenario!));
    }

    private void ChooseBundled(ChangeEventArgs e)
    {
        if (e.Value?.ToString() is { } name && BundledScenarios.Names.Contains(name) && LoadJson(BundledScenarios.Text(name), $"bundled scenario {name}", name))
        {
            UpdateLink();
        }
    }

    /// <summary>
    /// Runs the scenario's Monte Carlo simulation. WebAssembly runs .NET on the page's one thread, so the simulation
    /// blocks it: the page first paints the running state (a bar the browser animates off the main thread, and the
    /// expected time, from the last evaluation's), then runs every trial and draws the fan and probability charts.
    /// </summary>
    private async Task RunMonteCarlo()
    {
        monteCarloRunning = true;
        StateHasChanged();
        await Task.Delay(50); // let the browser paint the running state before the thread is busy
        var clock = Stopwatch.StartNew();
        try
        {
            var run = new MonteCarloSimulator(engine).Run(scenario!, new MonteCarloOptions { Trials = monteCarloTrials, MaxDegreeOfParallelism = 1 });
            var focus = run.Pairs.OrderBy(p => p.NeverBreaksEvenShare).First();
            monteCarlo = run;
            monteCarloCharts = (ResultCharts.Fan(run, focus, ChartWidth), ResultCharts.ProbabilityCheaper(run, ChartWidth));
        }
        catch (ScenarioValidationException ex)
        {
            errors = ex.Errors.Select(e => e.ToString()).ToList();
        }
        catch (ArgumentException ex)
        {
            errors = [ex.Message];
        }

        monteCarloSeconds = clock.Elapsed.TotalSeconds;
        monteCarloRunning = false;
    }

    private void Trials(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.None, Inv, out var trials) && trials is >= 1 and <= UncertaintySettings.MaxTrials)
        {
            monteCarloTrials = trials;
        }
        else
        {
            errors = [$"trials: a whole number from 1 to {UncertaintySettings.MaxTrials.ToString("N0", Inv)} (value: {e.Value})"];
        }
    }

    private static string F(double value) => value.ToString("0.####", Inv);

    private static string F(double? value) => value?.ToString("0.####", Inv) ?? string.Empty;

    private static string Plan(RentalPlan plan) => plan switch
    {
        RentalPlan.OnDemand => "on-demand",
        RentalPlan.Spot => "spot",
        RentalPlan.Reserved1Year => "reserved-1y",
        RentalPlan.Reserved3Year => "reserved-3y",
        _ => plan.ToString(),
    };
}

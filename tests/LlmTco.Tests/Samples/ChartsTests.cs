using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Timeline;
using ScottPlot;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The charts for people to read: whole-month axes from month 1 to the horizon, break-even markers and labels inside
/// the plot, labels that do not collide, and the same drawing under any culture.
/// </summary>
public sealed class ChartsTests
{
    private static ScenarioResult Headline() => new TcoEngine(PricingCatalog.Default).Evaluate(BundledScenarios.Load(BundledScenarios.Headline));

    [Theory]
    [InlineData(36, new[] { 1, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36 })] // every 2nd; 2 is too close to 1
    [InlineData(12, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    [InlineData(60, new[] { 1, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60 })] // every 3rd
    public void MonthTicks_AreWholeMonthsFromOneToTheHorizon(int horizon, int[] expected)
    {
        Charts.MonthTicks(horizon).Should().Equal(expected);
    }

    [Fact]
    public void TimeCharts_HaveWholeMonthTicksFromOneToTheHorizon_AndNoNegativeMonths()
    {
        // Given the headline scenario's charts drawn against time (36 months)
        var result = Headline();
        foreach (var plot in new[] { Charts.CumulativeCost(result), Charts.CostPerMillionTokens(result) })
        {
            plot.RenderInMemory(Charts.Width, Charts.Height);

            // Then every tick is a whole month from 1 to 36, with 1 and 36 labelled, and the axis starts after month 0
            var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
            ticks.Should().OnlyContain(t => t.Position == Math.Round(t.Position) && t.Position >= 1 && t.Position <= 36);
            ticks.Select(t => t.Label).Should().Contain(["1", "36"]);
            var limits = plot.Axes.GetLimits();
            limits.Left.Should().BeGreaterThan(0).And.BeLessThan(1);
            limits.Right.Should().BeGreaterThan(36).And.BeLessThan(37);
        }
    }

    [Fact]
    public void CumulativeCost_BreakEvenLabel_UsesTheMonthConvention_AndLiesInsideThePlot()
    {
        // Given the README example, which breaks even 3.41 months after the start (2,410.16 / 5,863.28 into month 4)
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(LlmTco.Scenarios.ScenarioJson.Parse(LlmTco.Tests.Docs.ReadmeExample.ScenarioJson()));
        var plot = Charts.CumulativeCost(result);
        plot.RenderInMemory(Charts.Width, Charts.Height);
        var data = plot.LastRender.DataRect;

        // Then its label reads in the one month convention, and starts inside the plot area
        var label = plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Single();
        label.LabelText.Should().Contain("month 4, 3.4 months after the start");
        var at = plot.GetPixel(label.Location);
        at.X.Should().BeInRange(data.Left, data.Right);
        at.Y.Should().BeInRange(data.Top, data.Bottom);

        // And the marker (a ring and a dot) sits at the break-even inside the plot area
        var markers = plot.GetPlottables().OfType<ScottPlot.Plottables.Marker>().ToList();
        markers.Should().HaveCount(2).And.OnlyContain(m => Math.Abs(m.Location.X - result.BreakEvens.Single(b => b.Nominal.Outcome == BreakEvenOutcome.BreaksEven).Nominal.MonthsFromStart!.Value) < 1e-9);
        markers.Max(m => m.MarkerStyle.Size).Should().BeGreaterThanOrEqualTo(16, "the break-even marker is the most prominent mark of the chart");
    }

    [Fact]
    public void CostByVolume_LabelsDoNotOverlap_AndTheAxisStartsAtZero()
    {
        // Given the headline's cost-by-volume chart, whose crossings with GPT-4o lie close together
        var result = Headline();
        var plot = Charts.CostByVolume(result);
        plot.RenderInMemory(Charts.Width, Charts.Height);
        using var paint = Paint.NewDisposablePaint();

        // When each label's box is measured where it is drawn
        var boxes = plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t =>
        {
            var at = plot.GetPixel(t.Location);
            var size = t.LabelStyle.Measure(paint).Size;
            return new LabelBox(at.X, at.Y, size.Width, size.Height);
        }).ToList();

        // Then there is one per break-even volume, none overlapping another, and no volume axis below zero
        boxes.Should().HaveCount(result.BreakEvens.Count(b => b.Volume.SelfHostedCheaperAboveTokensPerMonth > 0)).And.HaveCountGreaterThan(1);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                boxes[i].Overlaps(boxes[j]).Should().BeFalse($"labels {j} and {i} of the cost-by-volume chart");
            }
        }

        plot.Axes.GetLimits().Left.Should().Be(0);
    }

    [Fact]
    public void Charts_AreTheSameUnderAnyCulture()
    {
        // Given the headline's charts drawn under the invariant culture
        var result = Headline();
        var run = UncertaintyRunner.Run(new TcoEngine(PricingCatalog.Default), BundledScenarios.Load(BundledScenarios.Headline), 200, 1, TextWriter.Null);
        var tornado = run.Tornado.Pair(run.Focus.SelfHostedOption, run.Focus.ApiOption);
        IEnumerable<string> Svgs(ScenarioResult r) =>
            new[]
            {
                Charts.CumulativeCost(r), Charts.CostByVolume(r), Charts.Breakdown(r), Charts.CostPerMillionTokens(r),
                UncertaintyCharts.Fan(run.Result, run.Focus), UncertaintyCharts.Histogram(run.Result, run.Focus),
                UncertaintyCharts.ProbabilityCheaper(run.Result), UncertaintyCharts.TornadoNpv(run.Result, tornado),
                UncertaintyCharts.TornadoBreakEven(run.Result, tornado),
            }.Select(p => WithoutClipIds(p.GetSvgXml(Charts.Width, Charts.Height)));
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = Svgs(result).ToList();

            // Then German, Turkish and French machines draw the same SVG, text and all
            foreach (var culture in new[] { "de-DE", "tr-TR", "fr-FR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                var drawn = Svgs(result).ToList();
                for (var i = 0; i < drawn.Count; i++)
                {
                    var at = Enumerable.Range(0, Math.Min(drawn[i].Length, invariant[i].Length)).FirstOrDefault(c => drawn[i][c] != invariant[i][c], -1);
                    var context = at < 0 ? $"; lengths {drawn[i].Length} and {invariant[i].Length}" : $"; first difference: '{drawn[i][Math.Max(0, at - 80)..Math.Min(drawn[i].Length, at + 80)]}' against '{invariant[i][Math.Max(0, at - 80)..Math.Min(invariant[i].Length, at + 80)]}'";
                    drawn[i].Should().Be(invariant[i], $"chart {i} under {culture}{context}");
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>SkiaSharp numbers clip paths with a process-wide counter: renumber them in order of appearance.</summary>
    private static string WithoutClipIds(string svg)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(svg, "cl_[0-9a-f]+", m => "cl_" + (ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count));
    }
}

using LlmTco.Api;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Scenarios;

// An API option: its model, discounts, fees and API fine-tuning.
internal sealed partial class ScenarioValidator
{
    private void CheckApi(ApiOption? o, string at, int horizon)
    {
        if (o is null)
        {
            errors.Add(at, null, "an API option is required");
            return;
        }

        Text(o.Name, Prop(at, "Name"));
        Text(o.Provider, Prop(at, "Provider"));
        Text(o.Model, Prop(at, "Model"));
        Defined(o.ServiceTier, Prop(at, "ServiceTier"));
        if (o.BatchDiscountFraction is { } batch)
        {
            Range(batch, Prop(at, "BatchDiscountFraction"), 0, 1, "a fraction from 0 to 1 (0.5 = 50 % off)");
        }

        if (Range(o.YearlyPriceDecline, Prop(at, "YearlyPriceDecline"), 0, 1, "a yearly fraction from 0 to below 1") && o.YearlyPriceDecline >= 1)
        {
            errors.Add(Prop(at, "YearlyPriceDecline"), o.YearlyPriceDecline, "must be below 1: a 100 % yearly decline would make prices zero");
        }

        NonNegative(o.MonthlyFee, Prop(at, "MonthlyFee"));
        NonNegative(o.MonthlyCommitment, Prop(at, "MonthlyCommitment"));
        Between(o.CommitmentTermMonths, 0, MaxHorizonMonths, Prop(at, "CommitmentTermMonths"));
        if (o.FineTuning is { } ft)
        {
            var path = errors.Path(Prop(at, "FineTuning"));
            NonNegative(ft.TrainingTokens, Prop(path, "TrainingTokens"));
            Positive(ft.Epochs, Prop(path, "Epochs"));
            NonNegative(ft.TrainingPricePerMillionTokens, Prop(path, "TrainingPricePerMillionTokens"));
            MonthInHorizon(ft.Month, Prop(path, "Month"), horizon);
            AtLeast(ft.EveryMonths, 0, Prop(path, "EveryMonths"));
        }
    }
}

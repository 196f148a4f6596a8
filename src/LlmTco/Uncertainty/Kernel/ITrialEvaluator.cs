namespace LlmTco.Uncertainty.Kernel;

/// <summary>Evaluates one trial: the scenario with the uncertain inputs set to drawn values.</summary>
internal interface ITrialEvaluator
{
    /// <summary>Creates the scratch state one worker thread reuses for all its trials.</summary>
    object CreateWorkspace();

    /// <summary>
    /// Evaluates the scenario with input i set to <paramref name="values"/>[i] (whole-number inputs already rounded)
    /// and writes the outputs into <paramref name="record"/>. Throws what the engine throws for an invalid trial.
    /// </summary>
    void Evaluate(ReadOnlySpan<double> values, object workspace, TrialRecord record);
}

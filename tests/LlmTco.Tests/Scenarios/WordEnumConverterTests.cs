using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using LlmTco.Scenarios;

namespace LlmTco.Tests.Scenarios;

public sealed class WordEnumConverterTests
{
    [Fact]
    public void Write_NullWriter_Throws()
    {
        var converter = new WordEnumConverter<RentalPlan>(Words.RentalPlans);

        FluentActions.Invoking(() => converter.Write(null!, RentalPlan.Spot, JsonSerializerOptions.Default))
            .Should().Throw<ArgumentNullException>().WithParameterName("writer");
    }

    [Fact]
    public void Write_EachPlan_WritesItsWord()
    {
        // Given the converter over the plan words of rental_prices.csv
        var converter = new WordEnumConverter<RentalPlan>(Words.RentalPlans);
        using var stream = new MemoryStream();

        // When every plan is written into one array
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var plan in Enum.GetValues<RentalPlan>())
            {
                converter.Write(writer, plan, JsonSerializerOptions.Default);
            }

            writer.WriteEndArray();
        }

        // Then
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Be("""["on-demand","spot","reserved-1y","reserved-3y"]""");
    }
}

using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Modem.Simulator;

/// <summary>Accepts only a name from <see cref="SimDialects.Names"/>, and lists them when refusing.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SimDialectNameAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is string name && SimDialects.Find(name) is not null;

    public override string FormatErrorMessage(string name) => $"must be one of {string.Join(", ", SimDialects.Names)}";
}

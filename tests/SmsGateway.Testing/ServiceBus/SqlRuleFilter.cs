using System.Text.RegularExpressions;

namespace SmsGateway.Testing.ServiceBus;

/// <summary>
/// Evaluates the subset of Service Bus SQL rule filters the gateway and its infra templates use
/// (<c>p IS [NOT] NULL</c>, <c>p = 'v'</c>, <c>p &lt;&gt; 'v'</c>, <c>AND</c>, <c>OR</c>, parentheses), so the in-memory bus routes
/// by the same filter text as a real subscription rule. Like Service Bus, a comparison with a missing property is false.
/// </summary>
public sealed partial class SqlRuleFilter
{
    private readonly string[] _tokens;
    private int _next;
    private IReadOnlyDictionary<string, object> _properties = new Dictionary<string, object>();

    private SqlRuleFilter(string expression)
    {
        _tokens = Token().Matches(expression).Select(m => m.Value).ToArray();
    }

    public static Func<IReadOnlyDictionary<string, object>, bool> Parse(string expression)
    {
        var filter = new SqlRuleFilter(expression);
        filter.Evaluate(new Dictionary<string, object>());
        return filter.Evaluate;
    }

    private bool Evaluate(IReadOnlyDictionary<string, object> properties)
    {
        lock (_tokens)
        {
            (_properties, _next) = (properties, 0);
            var result = Or();
            return _next == _tokens.Length ? result : throw new FormatException($"Unexpected '{_tokens[_next]}' in the filter.");
        }
    }

    private bool Or()
    {
        var result = And();
        while (Accept("OR"))
        {
            result = And() | result;
        }

        return result;
    }

    private bool And()
    {
        var result = Term();
        while (Accept("AND"))
        {
            result = Term() & result;
        }

        return result;
    }

    private bool Term()
    {
        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        _properties.TryGetValue(Take(), out var value);
        if (Accept("IS"))
        {
            var negated = Accept("NOT");
            Expect("NULL");
            return (value is null) != negated;
        }

        var op = Take();
        var literal = Take();
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'')
        {
            throw new FormatException($"Expected a quoted literal, got {literal}.");
        }

        var text = literal[1..^1];
        return op switch
        {
            "=" => value is string s && s == text,
            "<>" => value is string s && s != text,
            _ => throw new FormatException($"Operator {op} is not supported here."),
        };
    }

    private bool Accept(string token)
    {
        if (_next < _tokens.Length && string.Equals(_tokens[_next], token, StringComparison.OrdinalIgnoreCase))
        {
            _next++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"Expected {token}.");
        }
    }

    private string Take() => _next < _tokens.Length ? _tokens[_next++] : throw new FormatException("The filter ends too early.");

    [GeneratedRegex(@"'[^']*'|<>|[=()]|[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Token();
}

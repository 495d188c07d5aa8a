using System.Text;

namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>Wraps generated methods in a compilable file: the usings and the P/Invoke every shape may call.</summary>
internal static class GeneratedFile
{
    private const string Prologue = """
        using System;
        using System.IO;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;

        internal static unsafe class Native
        {
            [DllImport("scaling_native")]
            public static extern int Fill(byte* buffer, int length);
        }

        internal static class Generated
        {
        """;

    public static string WithMethods(IEnumerable<string> methods)
    {
        var text = new StringBuilder(Prologue).AppendLine();
        foreach (var method in methods) text.AppendLine(method);
        return text.AppendLine("}").ToString();
    }

    /// <summary>One method whose body is <paramref name="statements"/> between <c>long total = 0;</c> and <c>return total;</c>.</summary>
    public static string Method(string signature, IEnumerable<string> statements)
    {
        var text = new StringBuilder().Append("    ").AppendLine(signature).AppendLine("    {").AppendLine("        long total = 0;");
        foreach (var statement in statements) text.AppendLine(statement);
        return text.AppendLine("        return total;").AppendLine("    }").ToString();
    }
}

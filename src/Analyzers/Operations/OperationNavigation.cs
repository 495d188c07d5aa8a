using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Small, shared moves through the IOperation tree.</summary>
    internal static class OperationNavigation
    {
        /// <summary>Skips implicit and explicit conversions and parentheses around a value.</summary>
        public static IOperation WithoutConversions(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The nearest ancestor that is not a conversion or parentheses wrapping <paramref name="operation"/>.</summary>
        public static IOperation? ParentSkippingConversions(this IOperation operation, out IOperation child)
        {
            child = operation;
            IOperation? parent = operation.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            return parent;
        }

        /// <summary>The root of the operation tree (method body, field initializer, ...).</summary>
        public static IOperation Root(this IOperation operation)
        {
            while (operation.Parent != null) operation = operation.Parent;
            return operation;
        }

        /// <summary>The innermost lambda or local function containing the operation, or null for the member body itself.</summary>
        public static IOperation? EnclosingFunction(this IOperation operation)
        {
            for (IOperation? current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation) return current;
            }

            return null;
        }
    }
}

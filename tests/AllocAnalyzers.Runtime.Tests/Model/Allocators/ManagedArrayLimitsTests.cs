using System.Runtime.CompilerServices;
using AllocAnalyzers.Runtime.Model.Allocators;

namespace AllocAnalyzers.Runtime.Tests.Model.Allocators;

/// <summary>The limits are checked against the runtime the tests run on: each side of each limit is tried for real.</summary>
public class ManagedArrayLimitsTests
{
    [InlineArray(65535)]
    private struct LargestElement { private byte _first; }

    [InlineArray(65536)]
    private struct TooLargeElement { private byte _first; }

    [Fact]
    public void Max_length_is_the_running_runtimes()
    {
        Assert.Equal(Array.MaxLength, ManagedArrayLimits.MaxLength);
        Assert.True(ManagedArrayLimits.DimensionFits(Array.MaxLength));
        Assert.False(ManagedArrayLimits.DimensionFits(Array.MaxLength + 1L));
    }

    [Fact]
    public void One_more_element_than_the_limit_throws_before_allocating()
    {
        long length = ManagedArrayLimits.MaxLength + 1;
        Assert.Throws<OutOfMemoryException>(() => new byte[length]);
        Assert.Throws<OutOfMemoryException>(() => GC.AllocateUninitializedArray<byte>((int)length));
    }

    [Fact]
    public void Element_size_limit_is_the_running_runtimes()
    {
        Assert.True(ManagedArrayLimits.ElementSizeFits(Unsafe.SizeOf<LargestElement>()));
        Assert.False(ManagedArrayLimits.ElementSizeFits(Unsafe.SizeOf<TooLargeElement>()));
        Assert.Single(new LargestElement[1]);
        Assert.Throws<TypeLoadException>(() => new TooLargeElement[1]);
    }

    [Fact]
    public void Multi_dimensional_arrays_may_exceed_max_length_in_total_but_not_two_to_the_32()
    {
        Assert.True(ManagedArrayLimits.ElementCountFits(2 * ManagedArrayLimits.MaxLength, rank: 2));
        Assert.False(ManagedArrayLimits.ElementCountFits(2 * ManagedArrayLimits.MaxLength, rank: 1));
        Assert.False(ManagedArrayLimits.ElementCountFits(70_000L * 70_000L, rank: 2));
        // 70,000 × 70,000 elements: the runtime refuses before allocating anything.
        int side = 70_000;
        Assert.Throws<OutOfMemoryException>(() => new byte[side, side]);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(1L << 20, 1L, false)]
    [InlineData(0x7FFFFFC8L, null, true)]
    [InlineData(null, 65536L, true)]
    [InlineData(-1L, 1L, true)]
    public void Exceeded_holds_only_known_values_against_a_request(long? length, long? elementSize, bool exceeded) =>
        Assert.Equal(exceeded, ManagedArrayLimits.Exceeded(length, elementSize));
}

using AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer;
using Microsoft.CodeAnalysis.CodeFixes;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer.OversizedInteropBufferCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC003;

public class ShrinkInteropBufferFixTests
{
    private const string Key = ShrinkInteropBufferFix.Key;

    private static string Code(string body) => $$"""
        using System;
        using System.IO;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            private const int RecordSize = 16384;
            [DllImport("libc")] static extern nint read(int fd, byte[] buf, nint count);
            [DllImport("libc", EntryPoint = "read")] static extern nint readp(int fd, byte* buf, nint count);
            private byte[] _kept;

            public void M(int fd, bool flag, Stream output)
            {
                {{body}}
            }

            static void Use(ReadOnlySpan<byte> data) { }
        }
        """;

    [Fact]
    public Task Named_arguments_in_another_order_still_size_the_buffer_by_the_length() => Fix.VerifyFixAsync(
        Code("var buf = [|new byte[1 << 20]|]; nint n = read(count: RecordSize, buf: buf, fd: fd); output.Write(count: (int)n, offset: 0, buffer: buf);"),
        Code("var buf = new byte[RecordSize]; nint n = read(count: RecordSize, buf: buf, fd: fd); output.Write(count: (int)n, offset: 0, buffer: buf);"),
        Key);

    [Fact]
    public Task Seed_read_loop_allocates_one_record() => Fix.VerifyFixAsync(
        Code("while (flag) { var buf = [|new byte[1 << 20]|]; nint n = read(fd, buf, RecordSize); if (n <= 0) break; Use(buf.AsSpan(0, (int)n)); output.Write(buf, 0, (int)n); }"),
        Code("while (flag) { var buf = new byte[RecordSize]; nint n = read(fd, buf, RecordSize); if (n <= 0) break; Use(buf.AsSpan(0, (int)n)); output.Write(buf, 0, (int)n); }"),
        Key);

    [Fact]
    public Task Literal_length_and_constant_index() => Fix.VerifyFixAsync(
        Code("var buf = [|new byte[1 << 20]|]; read(fd, buf, 4096); buf[8191] = 1; read(fd, buf, 2048);"),
        Code("var buf = new byte[8192]; read(fd, buf, 4096); buf[8191] = 1; read(fd, buf, 2048);"),
        Key);

    [Fact]
    public Task Native_block_and_fixed_pointer() => Fix.VerifyFixAsync(
        Code("""
            byte* p = (byte*)[|NativeMemory.AllocZeroed(1 << 20)|];
                    nint n = readp(fd, p, 65536);
                    Use(new Span<byte>(p, (int)n));
                    NativeMemory.Free(p);
                    var buf = [|new byte[4 << 20]|];
                    fixed (byte* q = buf) { readp(fd, q, RecordSize); }
            """),
        Code("""
            byte* p = (byte*)NativeMemory.AllocZeroed(65536);
                    nint n = readp(fd, p, 65536);
                    Use(new Span<byte>(p, (int)n));
                    NativeMemory.Free(p);
                    var buf = new byte[RecordSize];
                    fixed (byte* q = buf) { readp(fd, q, RecordSize); }
            """),
        Key);

    [Fact]
    public Task Two_argument_AllocZeroed_becomes_one_argument() => Fix.VerifyFixAsync(
        Code("var p = [|NativeMemory.AllocZeroed(1024, 1024)|]; readp(fd, (byte*)p, RecordSize); NativeMemory.Free(p);"),
        Code("var p = NativeMemory.AllocZeroed(RecordSize); readp(fd, (byte*)p, RecordSize); NativeMemory.Free(p);"),
        Key);

    [Fact]
    public Task Local_constant_declared_after_the_allocation_is_not_used() => Fix.VerifyFixAsync(
        Code("var buf = [|new byte[1 << 20]|]; const int len = 4096; read(fd, buf, len);"),
        Code("var buf = new byte[4096]; const int len = 4096; read(fd, buf, len);"),
        Key);

    [Fact]
    public Task Fix_all_in_document() => Fix.VerifyFixAllAsync(
        Code("var a = [|new byte[1 << 20]|]; read(fd, a, RecordSize); var b = [|new byte[2 << 20]|]; read(fd, b, 1024);"),
        Code("var a = new byte[RecordSize]; read(fd, a, RecordSize); var b = new byte[1024]; read(fd, b, 1024);"),
        Key, FixAllScope.Document);

    [Fact]
    public Task Fix_all_in_project_covers_every_document() => Fix.VerifyFixAllAsync(
        Code("var a = [|new byte[1 << 20]|]; read(fd, a, RecordSize);"),
        Code("var a = new byte[RecordSize]; read(fd, a, RecordSize);"),
        Key, FixAllScope.Project,
        new AllocAnalyzers.Tests.Verification.TestOptions { AdditionalDocuments = new[] { ("Other.cs", OtherDocument("[|new byte[1 << 20]|]")) } },
        new[] { ("Other.cs", OtherDocument("new byte[4096]")) });

    private static string OtherDocument(string allocation) => $$"""
        using System.Runtime.InteropServices;
        public static class D
        {
            [DllImport("libc")] static extern nint read(int fd, byte[] buf, nint count);
            public static void M(int fd) { var b = {{allocation}}; read(fd, b, 4096); }
        }
        """;
}

using AllocSamples;

// Runs the sample patterns once on in-memory data; building this project is what shows the
// AllocAnalyzers diagnostics and their cost estimates.
var data = new MemoryStream(new byte[4 * 16 * 1024]);
Console.WriteLine($"ReadLoop.CountBytes: {ReadLoop.CountBytes(data)} bytes");
data.Position = 0;
Console.WriteLine($"ChunkReader.Download: {ChunkReader.Download(data)} bytes");
data.Position = 0;
Console.WriteLine($"ReadLoop.Checksum: {ReadLoop.Checksum(data)}");
Console.WriteLine($"Batches.Process: {Batches.Process(new[] { new[] { 1, 2, 3 }, new[] { 4 } })}");
data.Position = 0;
Console.WriteLine($"LookAlikes.Hoisted: {LookAlikes.Hoisted(data)} bytes");

using System.Globalization;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>How much the rest of the machine disturbed a calibration.</summary>
public enum LoadVerdict
{
    /// <summary>Other processes used little CPU: the figures are this machine's.</summary>
    Quiet,

    /// <summary>Enough CPU went to others that some figures may be slow: written, with a warning.</summary>
    Busy,

    /// <summary>Other processes took most of the CPU: the figures measure the contention, not the machine.</summary>
    Unreliable,
}

/// <summary>
/// How busy the machine is, from the kernel's counters: the load average before starting
/// (/proc/loadavg), and the CPU time that other processes used while calibrate ran (/proc/stat,
/// less this process and its children from /proc/self/stat). Calibration keeps the fastest of
/// several runs, which hides an occasional disturbance but not cores that are busy throughout: on
/// the 2-core reference machine under a load average of about 30, calibrate's figures came out
/// 17 to 97 times the reference profile's.
/// </summary>
public sealed class MachineLoad
{
    /// <summary>Others using this share of the cores on average make the figures unreliable.</summary>
    public const double UnreliableShare = 0.5;

    /// <summary>Others using this share of the cores make them doubtful.</summary>
    public const double BusyShare = 0.2;

    private readonly CpuTimes _start;

    private MachineLoad(CpuTimes start, double loadAverage)
    {
        _start = start;
        LoadAverageAtStart = loadAverage;
    }

    public static int Cores => Environment.ProcessorCount;

    /// <summary>The 1-minute load average when calibration started.</summary>
    public double LoadAverageAtStart { get; }

    /// <summary>Starts watching; null where /proc is not there to read.</summary>
    public static MachineLoad? Start()
    {
        var times = CpuTimes.Read();
        var load = ReadLoadAverage();
        return times is null || load is null ? null : new MachineLoad(times.Value, load.Value);
    }

    /// <summary>The verdict before anything is measured, from the load average: one runnable process per core or more is too many.</summary>
    public LoadVerdict VerdictAtStart => JudgeLoadAverage(LoadAverageAtStart, Cores);

    public static LoadVerdict JudgeLoadAverage(double loadAverage, int cores) =>
        loadAverage >= cores ? LoadVerdict.Unreliable : loadAverage >= 0.5 * cores ? LoadVerdict.Busy : LoadVerdict.Quiet;

    /// <summary>Cores' worth of CPU that other processes used since <see cref="Start"/>.</summary>
    public double OthersBusyCores()
    {
        var now = CpuTimes.Read() ?? _start;
        return OthersBusyCores(_start, now, Cores);
    }

    /// <summary>The verdict for CPU used by others, in cores' worth, on a machine of <paramref name="cores"/> cores.</summary>
    public static LoadVerdict Judge(double othersBusyCores, int cores) =>
        othersBusyCores >= UnreliableShare * cores ? LoadVerdict.Unreliable
        : othersBusyCores >= BusyShare * cores ? LoadVerdict.Busy
        : LoadVerdict.Quiet;

    internal static double OthersBusyCores(CpuTimes start, CpuTimes end, int cores)
    {
        double total = end.Total - start.Total;
        if (total <= 0) return 0;
        double others = (end.Busy - start.Busy) - (end.Own - start.Own);
        return Math.Max(0, others) / total * cores;
    }

    internal static double? ReadLoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Clock ticks: every CPU's busy and total time, and this process's own (children it waited for included).</summary>
    internal readonly record struct CpuTimes(double Busy, double Total, double Own)
    {
        public static CpuTimes? Read()
        {
            try
            {
                var (busy, total) = ParseCpuLine(File.ReadLines("/proc/stat").First());
                return new CpuTimes(busy, total, ParseOwnTicks(File.ReadAllText("/proc/self/stat")));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>"cpu user nice system idle iowait irq softirq steal ...": busy is all but idle and iowait; steal is another guest's.</summary>
        internal static (double Busy, double Total) ParseCpuLine(string line)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 9 || f[0] != "cpu") throw new FormatException("not the /proc/stat cpu line: " + line);
            double V(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            double busy = V(1) + V(2) + V(3) + V(6) + V(7) + V(8);
            return (busy, busy + V(4) + V(5));
        }

        /// <summary>utime + stime + cutime + cstime: fields 14–17 of /proc/self/stat, counted after the ")" that ends the command name.</summary>
        internal static double ParseOwnTicks(string stat)
        {
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double V(int field) => double.Parse(f[field - 3], CultureInfo.InvariantCulture);
            return V(14) + V(15) + V(16) + V(17);
        }
    }
}

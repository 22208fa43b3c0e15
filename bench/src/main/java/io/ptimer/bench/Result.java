package io.ptimer.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The lateness of one runner: histogram in ns, loops recorded, overruns, loops that began early
 * (recorded as 0), drift in ns after the last loop, the CPU and wall time spent from the first
 * recorded loop to the last, and, for the agent, what its own MBean says of the lateness of its
 * last 1,024 loops (p50 and p99 in µs, -1 where there is none). Crosses from a child process to
 * the benchmark as a properties file.
 */
record Result(Histogram histogram, long loops, long overruns, long early, long drift, long cpuNanos, long wallNanos,
        long engineP50Us, long engineP99Us) {

    static Result empty() {
        return new Result(new Histogram(TimeUnit.SECONDS.toNanos(60), 3), 0, 0, 0, 0, 0, 0, -1, -1);
    }

    /** The same with what the agent's MBean reported. */
    Result withEngine(long p50Us, long p99Us) {
        return new Result(histogram, loops, overruns, early, drift, cpuNanos, wallNanos, p50Us, p99Us);
    }

    /** Both runs together; drift is the larger in magnitude, as each run has its own grid. */
    Result plus(Result other) {
        Histogram sum = histogram.copy();
        sum.add(other.histogram);
        long worstDrift = Math.abs(other.drift) > Math.abs(drift) ? other.drift : drift;
        return new Result(sum, loops + other.loops, overruns + other.overruns, early + other.early, worstDrift,
                cpuNanos + other.cpuNanos, wallNanos + other.wallNanos, Math.max(engineP50Us, other.engineP50Us),
                Math.max(engineP99Us, other.engineP99Us));
    }

    /** CPU time per 1,000 loops, in ms. */
    double cpuMillisPer1000() {
        return loops < 2 ? Double.NaN : cpuNanos / 1e6 / (loops - 1) * 1000;
    }

    /** CPU time as a share of one core over the measured span, in %. */
    double cpuPercent() {
        return wallNanos <= 0 ? Double.NaN : 100.0 * cpuNanos / wallNanos;
    }

    void write(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        Properties p = new Properties();
        p.setProperty("histogram", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        p.setProperty("loops", Long.toString(loops));
        p.setProperty("overruns", Long.toString(overruns));
        p.setProperty("early", Long.toString(early));
        p.setProperty("drift", Long.toString(drift));
        p.setProperty("cpuNanos", Long.toString(cpuNanos));
        p.setProperty("wallNanos", Long.toString(wallNanos));
        p.setProperty("engineP50Us", Long.toString(engineP50Us));
        p.setProperty("engineP99Us", Long.toString(engineP99Us));
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(partial)) {
            p.store(w, "lateness");
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Result read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Histogram h;
        try {
            h = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(p.getProperty("histogram"))), 0);
        } catch (DataFormatException e) {
            throw new IOException("bad histogram in " + file, e);
        }
        return new Result(h, Long.parseLong(p.getProperty("loops")), Long.parseLong(p.getProperty("overruns")),
                Long.parseLong(p.getProperty("early")), Long.parseLong(p.getProperty("drift")),
                Long.parseLong(p.getProperty("cpuNanos")), Long.parseLong(p.getProperty("wallNanos")),
                Long.parseLong(p.getProperty("engineP50Us", "-1")), Long.parseLong(p.getProperty("engineP99Us", "-1")));
    }
}

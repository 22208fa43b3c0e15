package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.binding.BoundRoute;
import io.ptimer.agent.binding.RouteRunner;
import io.ptimer.agent.binding.RouteShape;
import io.ptimer.agent.binding.RouteSpec;
import io.ptimer.api.Route;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntBiFunction;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a route throws, and whatever happens while reporting it, the runner returns: the
 * failure is counted, the route's result is {@link Route#END}, and the lane goes on.
 */
class RouteFailuresTest {
    private final Logger julLogger = Logger.getLogger("io.ptimer");
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream realStderr = System.err;
    private boolean parentHandlers;

    /** An exception that cannot describe itself: its message and its {@code toString()} throw. */
    static final class Unprintable extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage throws");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString throws");
        }
    }

    /** A host handler that fails on every record. */
    static final class ThrowingHandler extends Handler {
        int published;

        @Override
        public void publish(LogRecord record) {
            published++;
            throw new IllegalStateException("the host's handler is broken");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void captureStderr() {
        parentHandlers = julLogger.getUseParentHandlers();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(realStderr);
        for (Handler h : julLogger.getHandlers()) {
            julLogger.removeHandler(h);
        }
        julLogger.setUseParentHandlers(parentHandlers);
    }

    private static BoundRoute throwing(Throwable error) {
        ToIntBiFunction<Object, Object> invoker = (target, ctx) -> {
            throw sneaky(error);
        };
        return new BoundRoute(RouteSpec.parse("com.example.Jobs::loop", RouteShape.PTIMER, "loop=..."), Object.class,
                invoker, null);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExceptionThatCannotDescribeItselfIsCountedAndNamedByItsClass() {
        RouteRunner runner = new RouteRunner("timer \"t\" worker 0");
        for (int i = 1; i <= 5; i++) {
            assertEquals(Route.END, runner.run("loop", throwing(new Unprintable()), null));
            assertTrue(runner.threw());
            assertEquals(i, runner.errorCount());
        }
        assertEquals("loop: " + Unprintable.class.getName() + " (which failed to describe itself)",
                runner.lastError());
        assertFalse(runner.run("loop", new BoundRoute(RouteSpec.parse("com.example.Jobs::loop", RouteShape.PTIMER,
                "loop=..."), Object.class, (t, c) -> 1, null), null) == Route.END, "the next run is a run like any other");
        assertFalse(runner.threw());
    }

    @Test
    void aHostLoggerThatThrowsLeavesTheMessageToStderr() {
        ThrowingHandler broken = new ThrowingHandler();
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(broken);
        RouteRunner runner = new RouteRunner("timer \"t\" worker 0");
        assertEquals(Route.END, runner.run("loop", throwing(new IllegalStateException("on purpose")), null));
        assertEquals(1, runner.errorCount());
        assertEquals(1, broken.published, "the host's logger was asked first");
        assertTrue(stderr().contains("ptimer: timer \"t\" worker 0: loop route com.example.Jobs::loop threw "
                + "java.lang.IllegalStateException: on purpose (the io.ptimer logger failed: "
                + "java.lang.IllegalStateException)"), stderr());
    }

    @Test
    void errorsOfEveryKindAreTheRoutesFailure() {
        RouteRunner runner = new RouteRunner("timer \"t\" worker 0");
        Throwable[] kinds = {new AssertionError("assert"), new LinkageError("linkage"), new Exception("checked")};
        for (Throwable kind : kinds) {
            assertEquals(Route.END, runner.run("loop", throwing(kind), null), kind::toString);
        }
        assertEquals(kinds.length, runner.errorCount());
    }

    @Test
    void aVirtualMachineErrorIsCountedThenRethrown() {
        RouteRunner runner = new RouteRunner("timer \"t\" worker 0");
        VirtualMachineError[] kinds = {new StackOverflowError(), new OutOfMemoryError("heap"), new InternalError("jvm")};
        for (VirtualMachineError kind : kinds) {
            assertSame(kind, assertThrows(VirtualMachineError.class, () -> runner.run("loop", throwing(kind), null)));
            assertTrue(runner.threw());
            assertEquals("loop: " + kind, runner.lastError());
        }
        assertEquals(kinds.length, runner.errorCount(), "each counted before it was rethrown");
    }

    @Test
    void aReportThatFailsIsCountedWithTheNextOne() {
        Errors errors = new Errors("ptimer: core timer \"c\"");
        ThrowingHandler broken = new ThrowingHandler();
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(broken);
        System.setErr(new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("stderr is broken too");
            }
        }, true));
        errors.record(null, null, new IllegalStateException("first"));
        assertEquals(1, errors.count(), "counted even though it could be said nowhere");
        assertEquals("java.lang.IllegalStateException: first", errors.last());
    }
}

package io.ptimer.agent.hosts;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A host's java.util.logging handler that fails on every record. */
public final class BrokenLogHandler extends Handler {
    @Override
    public void publish(LogRecord record) {
        throw new IllegalStateException("the host's log handler is broken");
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

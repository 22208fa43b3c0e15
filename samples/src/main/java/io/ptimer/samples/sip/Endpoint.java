package io.ptimer.samples.sip;

/** A UDP address written {@code host:port}, such as {@code 127.0.0.1:5060}. */
record Endpoint(String host, int port) {

    /** Parses {@code host:port}; the port is 1 to 65535. */
    static Endpoint parse(String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new BadOption(option + " \"" + value + "\": expected host:port, e.g. 127.0.0.1:5060");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new BadOption(option + " \"" + value + "\": the port must be a number from 1 to 65535");
        }
        return new Endpoint(value.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }

    /** A command-line option that cannot be used; its message is the one line to print. */
    static final class BadOption extends IllegalArgumentException {
        BadOption(String message) {
            super(message);
        }
    }
}

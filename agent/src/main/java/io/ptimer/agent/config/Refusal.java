package io.ptimer.agent.config;

/**
 * What a parser throws when it refuses a value: an {@link Entry} makes a {@link ConfigException}
 * naming itself and where it was written; {@link #ARGUMENT} and {@link #argument} make an
 * {@link IllegalArgumentException} for a value given at run time (an operator's request, an API call).
 * A parser takes the refusal and throws what it makes, so that no caller converts one exception
 * into another.
 *
 * @param <X> the exception thrown
 */
public interface Refusal<X extends Exception> {
    /** The reason alone, as an {@link IllegalArgumentException}. */
    Refusal<IllegalArgumentException> ARGUMENT = argument(null);

    /** The exception that says {@code reason}, e.g. {@code interval must be > 0}. */
    X error(String reason);

    /** {@link IllegalArgumentException}s saying {@code about: reason}, or the reason alone for {@code null}. */
    static Refusal<IllegalArgumentException> argument(String about) {
        return new Refusal<>() {
            @Override
            public IllegalArgumentException error(String reason) {
                return new IllegalArgumentException(about == null ? reason : about + ": " + reason);
            }
        };
    }
}

package io.ptimer.agent;

/**
 * A timer's three routes, bound. Start and end may be {@code null}.
 */
record Routes(BoundRoute start, BoundRoute loop, BoundRoute end) {

    BoundRoute get(RouteKind kind) {
        return switch (kind) {
            case START -> start;
            case LOOP -> loop;
            case END -> end;
        };
    }
}

package io.ptimer.samples.spring;

import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.RunClock;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.shaping.GlobalShaping;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Global traffic shaping (the ptimer module documentation's example) as a Spring Boot application:
 * {@code call_queue} and the carrier are beans, and the route class of {@code queue_timer},
 * {@link QueueTimer}, gets them through its constructor. Nothing in the application refers to the
 * route classes; the agent finds them in the executable jar. Options {@code --seconds N} (default
 * 10) and {@code --burst N} (default 5000); exits 1 if a check failed.
 *
 * <p>Run with {@code java -javaagent:ptimer-agent.jar=config=samples/config/spring.cfg -jar
 * spring-sample/target/ptimer-spring-sample.jar}, or start it without the agent and
 * {@code attach} it.
 */
@SpringBootApplication
public class ShapingApplication {

    /** Kamailio's {@code modparam("mqueue", "mqueue", "name=call_queue")}. */
    @Bean
    CallQueue callQueue() {
        return CallQueue.named("call_queue");
    }

    /** Where the calls are relayed. */
    @Bean
    Upstream carrier() {
        return Upstream.named("carrier");
    }

    public static void main(String[] args) throws InterruptedException {
        boolean ok;
        try (ConfigurableApplicationContext context = SpringApplication.run(ShapingApplication.class, args)) {
            ok = GlobalShaping.run(RunClock.option(args, "seconds", 10), RunClock.option(args, "burst", 5000));
        }
        System.exit(ok ? 0 : 1);
    }
}

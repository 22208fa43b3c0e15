package io.ptimer.spring;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ptimer.api.RouteFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ContextRouteFactoryTest {

    /** A service of the application. */
    public static final class Queue {
    }

    /** A route class with a dependency, made by the context. */
    public static final class QueueRoute {
        final Queue queue;

        public QueueRoute(Queue queue) {
            this.queue = queue;
        }
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Queue queue() {
            return new Queue();
        }
    }

    @Test
    void installedWhenReadyMakesRoutesWithInjectedBeansAndIsRemovedOnClose() throws Exception {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run()) {
            ContextRouteFactory factory = assertInstanceOf(ContextRouteFactory.class, RouteFactories.installed());
            QueueRoute a = (QueueRoute) factory.create(QueueRoute.class);
            QueueRoute b = (QueueRoute) factory.create(QueueRoute.class);
            assertSame(context.getBean(Queue.class), a.queue);
            assertNotSame(a, b, "one instance per call, like a prototype bean");
        }
        assertNull(RouteFactories.installed());
    }
}

package io.ptimer.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Installs a {@link ContextRouteFactory} for the ptimer agent once the application is ready, so
 * that route classes are made by the application context with their dependencies injected. Off
 * with {@code ptimer.route-factory.enabled=false}; a bean of type {@link ContextRouteFactory} of
 * the application's own replaces it.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "ptimer.route-factory", name = "enabled", matchIfMissing = true)
public class PtimerAutoConfiguration {

    /** The factory, installed when the application is ready and removed when its context closes. */
    @Bean
    @ConditionalOnMissingBean
    public ContextRouteFactory ptimerRouteFactory(ConfigurableApplicationContext context) {
        return new ContextRouteFactory(context);
    }
}

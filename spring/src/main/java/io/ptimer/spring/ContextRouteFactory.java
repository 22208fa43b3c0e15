package io.ptimer.spring;

import io.ptimer.api.RouteFactories;
import io.ptimer.api.RouteFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * A {@link RouteFactory} backed by an application context: each route instance is a new object
 * made by the context like a prototype bean, its constructor's parameters injected, then its
 * {@code @Autowired} members and post-processors applied. Installed once the application is ready
 * (so no route runs against a half-made context) and removed when the context closes.
 */
public final class ContextRouteFactory implements RouteFactory, SmartApplicationListener {
    private final ConfigurableApplicationContext context;

    /** @param context the context that makes the route instances */
    public ContextRouteFactory(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public Object create(Class<?> routeClass) {
        AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
        return beans.createBean(routeClass);
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationReadyEvent.class.isAssignableFrom(eventType)
                || ContextClosedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent ready && ready.getApplicationContext() == context) {
            RouteFactories.install(this);
        } else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
            RouteFactories.uninstall(this);
        }
    }

    @Override
    public String toString() {
        return "route factory of application context " + context.getId();
    }
}

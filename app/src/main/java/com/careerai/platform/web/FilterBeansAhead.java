package com.careerai.platform.web;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the HTTP filters, the beans every request passes through, on a thread of its own as the
 * context starts, while the main thread goes on to make the HTTP server (its router is the start's
 * largest piece of work) — instead of on the event loop inside the first request. Micronaut makes a
 * filter when a request first needs it, and the session check behind the security filter holds the
 * user store, whose repository brings up Micronaut Data's JDBC operations (a walk over all 1,244
 * bean definitions): on a slow 2-core machine the first request, a load balancer's first
 * {@code /health}, took 570–720 ms, the event loop blocked throughout (issue 19, ADR 0081).
 *
 * <p>Nothing waits for this thread: a request that comes first makes what it needs itself (a bean
 * being made on this thread is waited for, never made twice: Micronaut locks each singleton's
 * creation). A failure here is logged and left to that request, which meets it again and answers
 * with an error as it would have. Not in a command-line context (tenant-admin), which serves no
 * requests.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class FilterBeansAhead {
    private static final Logger LOG = LoggerFactory.getLogger(FilterBeansAhead.class);

    private final BeanContext beans;
    private volatile boolean stopping;
    private Thread thread;

    FilterBeansAhead(BeanContext beans) {
        this.beans = beans;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        thread = new Thread(this::makeFilters, "filter-beans-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Before the context destroys any bean (a context stopped right after its start, as tests do):
     * no bean is made once its dependencies may be gone.
     */
    @EventListener
    synchronized void onShutdown(ShutdownEvent event) {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every server filter's bean: annotated filter classes and {@code HttpServerFilter}s alike. */
    private void makeFilters() {
        List<BeanDefinition<?>> filters = new ArrayList<>();
        filters.addAll(beans.getBeanDefinitions(Qualifiers.byStereotype(ServerFilter.class)));
        filters.addAll(beans.getBeanDefinitions(Qualifiers.byStereotype(Filter.class)));
        for (BeanDefinition<?> filter : filters) {
            try {
                if (stopping) {
                    return;
                }
                beans.getBean(filter);
            } catch (RuntimeException e) {
                LOG.debug("Filter {} not made ahead; its first request makes it", filter.getBeanType(), e);
            }
        }
    }
}

package com.careerai.platform.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** JobRunr settings ({@code careerai.jobs.*}). */
@ConfigurationProperties("careerai.jobs")
public class JobsConfiguration {
    private int workers = 8;
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration watchdogInterval = Duration.ofSeconds(30);
    private Duration startDelay = Duration.ofSeconds(5);
    private boolean dashboardEnabled;
    private int dashboardPort = 8000;

    @Nullable
    private String dashboardUsername;

    @Nullable
    private String dashboardPassword;

    /** Worker threads of this node's background job server ({@code CAREERAI_WORKERS}). */
    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    /** How often the worker polls for jobs; JobRunr refuses less than 5 seconds. */
    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * How often a worker node checks that its background job server still runs and restarts it
     * when not: JobRunr OSS stops the server by itself after repeated storage errors (a database
     * restart), and nothing else would start it again.
     */
    public Duration getWatchdogInterval() {
        return watchdogInterval;
    }

    public void setWatchdogInterval(Duration watchdogInterval) {
        this.watchdogInterval = watchdogInterval;
    }

    /**
     * A worker node starts its background job server once its HTTP server listens, so that the job
     * server's start does not delay the node's first answer (issue 19, ADR 0037). An application
     * context without an HTTP server (a tool, a test) starts it this long after the context.
     */
    public Duration getStartDelay() {
        return startDelay;
    }

    public void setStartDelay(Duration startDelay) {
        this.startDelay = startDelay;
    }

    /** Whether JobRunr's dashboard runs, on its own port, behind basic authentication. */
    public boolean isDashboardEnabled() {
        return dashboardEnabled;
    }

    public void setDashboardEnabled(boolean dashboardEnabled) {
        this.dashboardEnabled = dashboardEnabled;
    }

    public int getDashboardPort() {
        return dashboardPort;
    }

    public void setDashboardPort(int dashboardPort) {
        this.dashboardPort = dashboardPort;
    }

    @Nullable
    public String getDashboardUsername() {
        return dashboardUsername;
    }

    public void setDashboardUsername(@Nullable String dashboardUsername) {
        this.dashboardUsername = dashboardUsername;
    }

    @Nullable
    public String getDashboardPassword() {
        return dashboardPassword;
    }

    public void setDashboardPassword(@Nullable String dashboardPassword) {
        this.dashboardPassword = dashboardPassword;
    }
}

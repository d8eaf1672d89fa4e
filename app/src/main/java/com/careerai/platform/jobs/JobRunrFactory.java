package com.careerai.platform.jobs;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.data.TablesWithoutTenants;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.util.List;
import javax.sql.DataSource;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrDashboardWebServerConfiguration;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr 8 wired by hand (the official Micronaut feature stops at 7.x): storage on the app's
 * PostgreSQL with tables from our Flyway migrations, a scheduler for every role, and the
 * background job server only on nodes whose {@code CAREERAI_ROLES} include {@code worker}.
 */
@Factory
class JobRunrFactory {

    @Singleton
    JsonMapper jobRunrJsonMapper() {
        return new JacksonJsonMapper();
    }

    @Singleton
    StorageProvider jobRunrStorageProvider(DataSource dataSource, DataSourceResolver resolver, JsonMapper jsonMapper) {
        // The injected DataSource is a transaction-aware proxy; JobRunr manages its own connections,
        // and its SQL touches only its own tables, which hold no tenant rows: it takes them from the
        // pool without the tenant binding's statement at each check-out (ADR 0056).
        StorageProvider storage = new JobStorage(TablesWithoutTenants.connections(resolver.resolve(dataSource)));
        storage.setJobMapper(new JobMapper(jsonMapper));
        return storage;
    }

    @Singleton
    JobRequestScheduler jobRequestScheduler(StorageProvider storageProvider, JobWakeUp wakeUp) {
        return new JobRequestScheduler(storageProvider, List.of(wakeUp));
    }

    @Singleton
    JobActivator jobActivator(ApplicationContext context) {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return context.findBean(type).orElse(null);
            }
        };
    }

    /**
     * The background job server's settings, checked by JobRunr as they are set (a poll interval under
     * 5 seconds is refused): {@link JobWorker} takes them at the context's start, so a bad setting
     * still stops the start although the server itself is made later.
     */
    @Singleton
    @Requires(bean = WorkerRole.class)
    BackgroundJobServerConfiguration backgroundJobServerConfiguration(JobsConfiguration configuration) {
        return BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andWorkerCount(configuration.getWorkers())
                .andPollInterval(configuration.getPollInterval());
    }

    /** Made by {@link JobWorker} at its first start, after the HTTP server listens; worker nodes only. */
    @Singleton
    @Bean(preDestroy = "stop")
    @Requires(bean = WorkerRole.class)
    BackgroundJobServer backgroundJobServer(
            StorageProvider storageProvider,
            JsonMapper jsonMapper,
            JobActivator activator,
            BackgroundJobServerConfiguration configuration) {
        return new BackgroundJobServer(storageProvider, jsonMapper, activator, configuration);
    }

    @Singleton
    @Bean(preDestroy = "stop")
    @Requires(property = "careerai.jobs.dashboard-enabled", value = "true")
    JobRunrDashboardWebServer jobRunrDashboard(
            StorageProvider storageProvider, JsonMapper jsonMapper, JobsConfiguration configuration) {
        if (configuration.getDashboardUsername() == null || configuration.getDashboardPassword() == null) {
            throw new InvalidSettingException(
                    "CAREERAI_JOBS_DASHBOARD_PASSWORD",
                    "and CAREERAI_JOBS_DASHBOARD_USERNAME are required when the jobs dashboard is on");
        }
        JobRunrDashboardWebServer dashboard = new JobRunrDashboardWebServer(
                storageProvider,
                jsonMapper,
                JobRunrDashboardWebServerConfiguration.usingStandardDashboardConfiguration()
                        .andPort(configuration.getDashboardPort())
                        .andBasicAuthentication(
                                configuration.getDashboardUsername(), configuration.getDashboardPassword())
                        .andAllowAnonymousDataUsage(false));
        dashboard.start();
        return dashboard;
    }
}

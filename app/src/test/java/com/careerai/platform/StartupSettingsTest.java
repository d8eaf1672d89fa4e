package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.config.StartupSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupSettingsTest {

    @Test
    void devDefaultsNeedNoVariables() {
        StartupSettings settings = StartupSettings.fromEnvironment(Map.of());
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.baseDomain()).isEqualTo("careerai.localhost");
        assertThat(settings.roles()).isEqualTo("web,worker");
        assertThat(settings.demo()).isFalse();
    }

    @Test
    void prodRequiresRealServers() {
        assertThatThrownBy(() -> StartupSettings.fromEnvironment(Map.of("MICRONAUT_ENVIRONMENTS", "prod")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Configuration error: DATABASE_URL is required in the prod environment");
        assertThatThrownBy(() -> StartupSettings.fromEnvironment(
                        Map.of("MICRONAUT_ENVIRONMENTS", "prod", "DATABASE_URL", "jdbc:postgresql://db/careerai")))
                .hasMessage("Configuration error: REDIS_URL is required in the prod environment");
        assertThatThrownBy(() -> StartupSettings.fromEnvironment(Map.of(
                        "MICRONAUT_ENVIRONMENTS", "prod",
                        "DATABASE_URL", "jdbc:postgresql://db/careerai",
                        "REDIS_URL", "redis://cache:6379")))
                .hasMessageStartingWith("Configuration error: SMTP_HOST is required in the prod environment");
    }

    @Test
    void malformedValuesNameTheirVariable() {
        assertVariable(Map.of("PORT", "eighty"), "PORT");
        assertVariable(Map.of("PORT", "70000"), "PORT");
        assertVariable(Map.of("DATABASE_URL", "postgres://x"), "DATABASE_URL");
        assertVariable(Map.of("REDIS_URL", "http://x"), "REDIS_URL");
        assertVariable(Map.of("CAREERAI_ROLES", "web,cron"), "CAREERAI_ROLES");
        assertVariable(Map.of("CAREERAI_DEMO", "maybe"), "CAREERAI_DEMO");
        assertVariable(Map.of("CAREERAI_BASE_DOMAIN", "not a domain"), "CAREERAI_BASE_DOMAIN");
    }

    @Test
    void validValuesBecomeProperties() {
        StartupSettings settings = StartupSettings.fromEnvironment(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db:5432/careerai",
                "REDIS_URL", "redis://cache:6379",
                "PORT", "9000",
                "CAREERAI_BASE_DOMAIN", "Careers.Example.COM",
                "CAREERAI_ROLES", "worker",
                "CAREERAI_DEMO", "true"));
        assertThat(settings.properties())
                .containsEntry("datasources.default.url", "jdbc:postgresql://db:5432/careerai")
                .containsEntry("careerai.redis.url", "redis://cache:6379")
                .containsEntry("micronaut.server.port", 9000)
                .containsEntry("careerai.base-domain", "careers.example.com")
                .containsEntry("careerai.roles", "worker")
                .containsEntry("careerai.demo", true);
    }

    private static void assertVariable(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> StartupSettings.fromEnvironment(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable())
                        .isEqualTo(variable))
                .hasMessageStartingWith("Configuration error: " + variable + " ");
    }
}

package com.careerai.platform.redis;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Redis connection settings ({@code careerai.redis.*}); the URL comes from {@code REDIS_URL}. */
@ConfigurationProperties("careerai.redis")
public class RedisConfiguration {
    private String url = "redis://127.0.0.1:6379";
    private String keyPrefix = "careerai:";

    /** {@code redis://host:port}. */
    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Prefix of every key CareerAI writes, so one Redis can be shared (tests use one per class). */
    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }
}

package com.careerai.platform.redis;

import com.careerai.platform.web.ErrorPages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis unreachable (stopped, restarting, network): whatever needs it — sign-in codes, rate
 * limits, sessions — answers 503 "try again shortly" with {@code Retry-After}, in the usual error
 * shape, instead of a 500. Pages that do not touch Redis are not affected, and the next request
 * after Redis is back simply works (the pool reconnects by itself). Found by bench/chaos.sh.
 */
@Singleton
class RedisUnavailableHandler implements ExceptionHandler<JedisException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(RedisUnavailableHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final ErrorPages errorPages;

    RedisUnavailableHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, JedisException exception) {
        LOG.warn("Redis unavailable on {} {}: {}", request.getMethodName(), request.getPath(), exception.toString());
        String path = request.getPath();
        String message = path.contains("signin") || path.contains("/auth/")
                ? "Sign-in is briefly unavailable. Please try again shortly."
                : "This is briefly unavailable. Please try again shortly.";
        return errorPages
                .respond(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", message, Map.of())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}

package com.careerai.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Counts the commands the application sends to Redis — each one a round trip — for tests that hold a
 * request to a number of them (issue 19, ADR 0072), as {@link StatementCounter} does for SQL. Active
 * when a test sets {@code careerai.test.count-redis-commands}: the process's client is replaced by
 * one on the same server whose every command is recorded (name and arguments) before it is sent.
 */
@Singleton
@Requires(property = "careerai.test.count-redis-commands", value = "true")
public class RedisCommandCounter implements BeanCreatedEventListener<RedisClient> {
    private final List<List<String>> commands = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final String url;

    RedisCommandCounter(@Value("${careerai.redis.url}") String url) {
        this.url = url;
    }

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        event.getBean().close(); // unused: this one sends the same commands, counted
        URI uri = URI.create(url);
        PooledConnectionProvider provider = new PooledConnectionProvider(
                JedisURIHelper.getHostAndPort(uri),
                DefaultJedisClientConfig.builder(uri).build());
        DefaultCommandExecutor sending = new DefaultCommandExecutor(provider);
        return RedisClient.builder()
                .connectionProvider(provider)
                .commandExecutor(new CommandExecutor() {
                    @Override
                    public <T> T executeCommand(CommandObject<T> command) {
                        synchronized (commands) {
                            commands.add(words(command));
                            threads.add(Thread.currentThread().getName());
                        }
                        return sending.executeCommand(command);
                    }

                    @Override
                    public void close() {
                        sending.close();
                    }
                })
                .build();
    }

    /** Every command sent since the last {@link #reset()}: its name, then its arguments. */
    public List<List<String>> commands() {
        return List.copyOf(commands);
    }

    /** The names of the commands sent since the last {@link #reset()}. */
    public List<String> names() {
        return commands.stream().map(command -> command.get(0)).toList();
    }

    /** The name of the thread that sent each command since the last {@link #reset()}, in the same order. */
    public List<String> threads() {
        synchronized (commands) {
            return List.copyOf(threads);
        }
    }

    public void reset() {
        synchronized (commands) {
            commands.clear();
            threads.clear();
        }
    }

    private static List<String> words(CommandObject<?> command) {
        List<String> words = new ArrayList<>();
        for (Rawable argument : command.getArguments()) {
            words.add(new String(argument.getRaw(), StandardCharsets.UTF_8));
        }
        return List.copyOf(words);
    }
}

package com.careerai.ai;

import com.careerai.auth.RateLimit;
import com.careerai.auth.RateLimitedException;
import com.careerai.auth.RateLimiter;
import com.careerai.auth.SignedInUser;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads uploaded resumes off the request threads: a small pool of its own with a short queue (429
 * when full), a time limit per file, and a per-student rate limit, so hostile PDFs cannot take the
 * server's CPU or memory (see {@link ResumeText} for the caps inside one file).
 */
@Singleton
class ResumeReader implements AutoCloseable {
    static final int THREADS = 2;
    static final int QUEUE = 4;
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    static final RateLimit PER_STUDENT = new RateLimit(20, Duration.ofMinutes(10));

    private final RateLimiter rateLimiter;
    private final ThreadPoolExecutor pool;

    ResumeReader(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                THREADS, THREADS, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "resume-reader-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The resume's text, or 422 / 429 saying why not. */
    String read(SignedInUser user, String filename, byte[] content) {
        rateLimiter.hit(
                "resume-text",
                user.universityId() + ":" + user.userId(),
                PER_STUDENT,
                "You have uploaded many files in a short time. Paste your resume, or try again in %s.");
        Instant deadline = Instant.now().plus(TIME_LIMIT);
        Future<String> reading;
        try {
            reading = pool.submit(() -> ResumeText.extract(filename, content, deadline));
        } catch (RejectedExecutionException e) {
            throw new RateLimitedException(
                    "Many resumes are being read right now. Please try again in a few seconds.", Duration.ofSeconds(5));
        }
        try {
            return reading.get(TIME_LIMIT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new ResumeText.UnreadableResumeException(ResumeText.TOO_COMPLEX);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            throw new ResumeText.UnreadableResumeException(ResumeText.TOO_COMPLEX);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        pool.shutdownNow();
    }
}

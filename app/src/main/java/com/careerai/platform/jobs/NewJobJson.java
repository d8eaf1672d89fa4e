package com.careerai.platform.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's JSON of a job that is being enqueued, made from a template per request type instead of
 * Jackson's walk of the whole job (its details, history and metadata, with their type names): the
 * largest part of writing a run's job at its start (issue 19, ADR 0047). Only the job's id, its
 * request, its enqueued time and its name differ between two new jobs of one request type; the rest
 * (class and method names, signature, retries, labels, JobRunr's own fields) is the same.
 *
 * <p>The template is cut from the first such job's JSON as JobRunr's mapper wrote it, and kept only
 * if it then makes exactly that JSON again; it is used only for jobs of that shape (version 1, one
 * ENQUEUED state, no metadata, the same signature, retries and labels, a name of printable ASCII).
 * Anything else is written by JobRunr's mapper, as before. The request itself is written by
 * JobRunr's mapper, or by itself ({@link OwnJsonJobRequest}) when the first job of its type showed
 * the two the same.
 */
final class NewJobJson {
    private final JobMapper jobs;
    private final JsonMapper json;
    private final ConcurrentMap<Class<?>, Optional<Template>> templates = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Boolean> ownJsonAsMappers = new ConcurrentHashMap<>();

    NewJobJson(JsonMapper json) {
        this.json = json;
        this.jobs = new JobMapper(json);
    }

    /** The job's JSON as JobRunr's mapper would write it; {@code request} is its only parameter. */
    String of(Job job, JobRequest request) {
        if (!newlyEnqueued(job)) {
            return jobs.serializeJob(job);
        }
        String requestJson = requestJson(request);
        Optional<Template> template = templates.get(request.getClass());
        if (template == null) {
            String written = jobs.serializeJob(job);
            templates.putIfAbsent(request.getClass(), Template.cut(written, job, requestJson));
            return written;
        }
        String made = template.map(t -> t.make(job, requestJson)).orElse(null);
        return made != null ? made : jobs.serializeJob(job);
    }

    /** The request's own JSON when its type's first one was the mapper's, else the mapper's. */
    private String requestJson(JobRequest request) {
        if (!(request instanceof OwnJsonJobRequest own)) {
            return json.serialize(request);
        }
        Boolean same = ownJsonAsMappers.get(request.getClass());
        if (same == null) {
            String mappers = json.serialize(request);
            ownJsonAsMappers.putIfAbsent(request.getClass(), mappers.equals(own.json()));
            return mappers;
        }
        return same ? own.json() : json.serialize(request);
    }

    /** Whether the request type's own JSON is used (tests). */
    boolean writesOwnJson(Class<?> requestType) {
        return ownJsonAsMappers.getOrDefault(requestType, false);
    }

    /** Whether the first job of the request type gave a template (tests). */
    boolean hasTemplateFor(Class<?> requestType) {
        Optional<Template> template = templates.get(requestType);
        return template != null && template.isPresent();
    }

    private static boolean newlyEnqueued(Job job) {
        return job.getVersion() == 1
                && job.getJobStates().size() == 1
                && job.getState() == StateName.ENQUEUED
                && job.getMetadata().isEmpty()
                && job.getRecurringJobId().isEmpty()
                && plainAscii(job.getJobName());
    }

    /** Text JSON writes as it is between quotes: printable ASCII without quote or backslash. */
    private static boolean plainAscii(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Literal pieces of one job's JSON around its four variable values. */
    private static final class Template {
        private final String[] pieces;
        private final String signature;
        private final int retries;
        private final List<String> labels;

        private Template(String[] pieces, Job job) {
            this.pieces = pieces;
            this.signature = job.getJobSignature();
            this.retries = job.getAmountOfRetries() == null ? Integer.MIN_VALUE : job.getAmountOfRetries();
            this.labels = job.getLabels() == null ? null : List.copyOf(job.getLabels());
        }

        private static String[] values(Job job, String requestJson) {
            return new String[] {
                job.getId().toString(),
                requestJson,
                job.getJobState().getCreatedAt().toString(),
                job.getJobName()
            };
        }

        /** The template of {@code written} (JobRunr's JSON of {@code job}), if it makes that JSON again. */
        static Optional<Template> cut(String written, Job job, String requestJson) {
            String[] values = values(job, requestJson);
            String[] before = {"\"id\":\"", "\"object\":", "\"createdAt\":\"", "\"jobName\":\""};
            List<String> pieces = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < values.length; i++) {
                int at = written.indexOf(before[i] + values[i], from);
                if (at < 0) {
                    return Optional.empty();
                }
                int value = at + before[i].length();
                pieces.add(written.substring(from, value));
                from = value + values[i].length();
            }
            pieces.add(written.substring(from));
            Template template = new Template(pieces.toArray(String[]::new), job);
            return written.equals(template.make(job, requestJson)) ? Optional.of(template) : Optional.empty();
        }

        /** The job's JSON, or null when the job is not of this template's shape. */
        String make(Job job, String requestJson) {
            Integer jobRetries = job.getAmountOfRetries();
            if (!signature.equals(job.getJobSignature())
                    || (jobRetries == null ? Integer.MIN_VALUE : jobRetries) != retries
                    || !Objects.equals(labels, job.getLabels())) {
                return null;
            }
            String[] values = values(job, requestJson);
            int length = 0;
            for (String piece : pieces) {
                length += piece.length();
            }
            for (String value : values) {
                length += value.length();
            }
            StringBuilder json = new StringBuilder(length);
            for (int i = 0; i < values.length; i++) {
                json.append(pieces[i]).append(values[i]);
            }
            return json.append(pieces[values.length]).toString();
        }
    }
}

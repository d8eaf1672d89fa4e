package com.careerai.platform.jobs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.mappers.MDCMapper;
import org.jobrunr.utils.JobUtils;

/**
 * What JobRunr's client side makes of a new job of one request type, learnt from its first job and
 * then applied without it (issue 19, ADR 0066). For every new job JobRunr checks by reflection that
 * the handler's {@code run} method exists ({@code new JobDetails(request)}), and runs its client
 * filters through a filter list it builds per job — looking the {@code @Job} annotation up by
 * reflection again for the list and again in {@code DefaultJobFilter} — timing each filter and
 * logging a warning when one took over 10 ms (which a loaded machine's scheduler alone causes).
 * Together about a tenth of a run start's CPU in the application.
 *
 * <p>For a request type whose {@code @Job} has a name of job parameters only ({@code %0}, no MDC
 * {@code %X{…}}), retries, no labels and no job filters of its own, the result is always the same:
 * the details of {@code JobDetails(request)}, the name with {@code %0} replaced by the request's
 * {@code toString()}, the retries. The shape is kept only if it makes exactly the first job's
 * details, name, retries and labels; any other type stays on JobRunr's own path.
 */
final class NewJobShape {
    private final Class<?> handler;
    private final String name;
    private final Integer retries;

    private NewJobShape(Class<?> handler, String name, Integer retries) {
        this.handler = handler;
        this.name = name;
        this.retries = retries;
    }

    /**
     * The shape of {@code first}, a job JobRunr's filters have just been applied to, made for
     * {@code request}; empty when jobs of that type have to go through JobRunr's filters.
     */
    static Optional<NewJobShape> learn(Job first, JobRequest request) {
        Optional<org.jobrunr.jobs.annotations.Job> annotation = JobUtils.getJobAnnotation(first.getJobDetails());
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        org.jobrunr.jobs.annotations.Job job = annotation.get();
        if (job.jobFilters().length > 0
                || job.labels().length > 0
                || job.name().isEmpty()
                || job.name().contains("%X{")) {
            return Optional.empty();
        }
        Integer retries = job.retries() > org.jobrunr.jobs.annotations.Job.NBR_OF_RETRIES_NOT_PROVIDED
                ? Integer.valueOf(job.retries())
                : null;
        NewJobShape shape = new NewJobShape(request.getJobRequestHandler(), job.name(), retries);
        Job made = shape.make(first.getId(), request);
        if (made == null) {
            return Optional.empty();
        }
        MDCMapper.saveMDCContextToJob(made);
        return sameAs(made, first) ? Optional.of(shape) : Optional.empty();
    }

    /** A new job {@code id} for {@code request}, as JobRunr's filters would leave it; null when the request does not fit. */
    Job make(UUID id, JobRequest request) {
        if (request.getJobRequestHandler() != handler) {
            return null;
        }
        JobDetails details = new JobDetails(handler.getName(), null, "run", List.of(new JobParameter(request)));
        details.setCacheable(true);
        String jobName = name.contains("%0") ? name.replace("%0", String.valueOf(request)) : name;
        if (jobName.contains("%X{")) {
            return null; // JobRunr would read the MDC for what the request's text brought in
        }
        Job job = new Job(id, details);
        job.setJobName(jobName);
        if (retries != null) {
            job.setAmountOfRetries(retries);
        }
        return job;
    }

    private static boolean sameAs(Job made, Job first) {
        JobDetails a = made.getJobDetails();
        JobDetails b = first.getJobDetails();
        return Objects.equals(a.getClassName(), b.getClassName())
                && Objects.equals(a.getStaticFieldName(), b.getStaticFieldName())
                && Objects.equals(a.getMethodName(), b.getMethodName())
                && Objects.equals(a.getCacheable(), b.getCacheable())
                && a.getJobParameters().size() == 1
                && b.getJobParameters().size() == 1
                && Objects.equals(
                        a.getJobParameters().get(0).getClassName(),
                        b.getJobParameters().get(0).getClassName())
                && Objects.equals(
                        a.getJobParameters().get(0).getActualClassName(),
                        b.getJobParameters().get(0).getActualClassName())
                && a.getJobParameters().get(0).getObject()
                        == b.getJobParameters().get(0).getObject()
                && Objects.equals(made.getJobSignature(), first.getJobSignature())
                && Objects.equals(made.getJobName(), first.getJobName())
                && Objects.equals(made.getAmountOfRetries(), first.getAmountOfRetries())
                && Objects.equals(made.getLabels(), first.getLabels())
                && made.getMetadata().equals(first.getMetadata());
    }
}

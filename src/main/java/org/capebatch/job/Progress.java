package org.capebatch.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.capebatch.source.RawBatchReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Progress of the long phases (import rows, assess entries, render declarations), logged
 * every few seconds with items done, rate and estimated time left, so an operator
 * watching a million-entry run knows it is alive. The counts come from the job
 * repository, where every partition commits its read count with each chunk: local threads
 * and remote workers alike, so the manager of a remote run sees its workers' progress.
 * Partitioners report the expected total when it is known; the import, whose row count is
 * known only at the end, estimates time left from the bytes of input its partitions have
 * committed ({@link RawBatchReader#BYTES_READ}).
 */
@Component
public class Progress implements JobExecutionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private static final List<Phase> PHASES = List.of(new Phase("import", "importStep", "importFileStep:", "rows"),
            new Phase("assess", "assessStep", "assessPartitionStep:", "entries"),
            new Phase("render", "renderStep", "renderPartitionStep:", "declarations"));

    private final JobRepository jobRepository;

    private final ScheduledExecutorService timer;

    private final Map<String, Long> totals = new ConcurrentHashMap<>();

    private final Map<String, Long> totalWork = new ConcurrentHashMap<>();

    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    private volatile Long executionId;

    public Progress(JobRepository jobRepository, @Value("${cape.job.progress-interval:5s}") Duration interval) {
        this.jobRepository = jobRepository;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, interval.toMillis());
        timer.scheduleAtFixedRate(this::logAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The number of items a phase will process, known to its partitioner. */
    public void expect(String phase, long total) {
        totals.put(phase, total);
    }

    /**
     * For the import, whose row total is unknown up front: the bytes of input it will
     * read.
     */
    public void expectWork(String phase, long work) {
        totalWork.put(phase, work);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        totals.clear();
        totalWork.clear();
        lastLogged.clear();
        executionId = execution.getId();
    }

    @Override
    public void afterJob(JobExecution execution) {
        executionId = null;
    }

    private void logAll() {
        Long id = executionId;
        if (id == null) {
            return;
        }
        try {
            JobExecution execution = jobRepository.getJobExecution(id);
            if (execution != null) {
                PHASES.forEach(phase -> log(phase, execution));
            }
        }
        catch (RuntimeException e) {
            // Progress is for people watching; a failed look-up must never disturb the
            // run.
            log.debug("Cannot read progress from the job repository", e);
        }
    }

    private void log(Phase phase, JobExecution execution) {
        long done = 0;
        long work = 0;
        LocalDateTime started = null;
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().startsWith(phase.partitionPrefix())) {
                done += step.getReadCount();
                work += step.getExecutionContext().getLong(RawBatchReader.BYTES_READ, 0L);
            }
            else if (step.getStepName().equals(phase.step())) {
                started = step.getStartTime();
            }
        }
        Long previous = lastLogged.put(phase.name(), done);
        if (started == null || done == 0 || (previous != null && previous == done)) {
            return;
        }
        double seconds = Math.max(1e-3, Duration.between(started, LocalDateTime.now()).toNanos() / 1e9);
        long rate = Math.round(done / seconds);
        long total = totals.getOrDefault(phase.name(), 0L);
        long expectedWork = totalWork.getOrDefault(phase.name(), 0L);
        String unit = phase.unit();
        if (total <= 0 && expectedWork > 0 && work > 0) {
            double fraction = Math.min(1.0, (double) work / expectedWork);
            long left = Math.round(seconds / fraction - seconds);
            log.info("{}: {} {}, {} {}/s, {}% of the input, about {} s left", phase.name(), done, unit, rate, unit,
                    Math.round(fraction * 100), left);
        }
        else if (total > 0) {
            long left = rate > 0 ? Math.max(0, (total - done) / rate) : -1;
            log.info("{}: {} / {} {} ({}%), {} {}/s, about {} s left", phase.name(), done, total, unit,
                    done * 100 / total, rate, unit, left);
        }
        else {
            log.info("{}: {} {}, {} {}/s", phase.name(), done, unit, rate, unit);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /**
     * A partitioned step as progress reports it: its name in the log, its manager step,
     * its partitions, its unit.
     */
    private record Phase(String name, String step, String partitionPrefix, String unit) {
    }

}

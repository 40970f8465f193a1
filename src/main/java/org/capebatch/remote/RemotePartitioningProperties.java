package org.capebatch.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cape.remote.*}: tuning of remote partitioning (profiles {@code manager} and
 * {@code worker}).
 */
@ConfigurationProperties("cape.remote")
public class RemotePartitioningProperties {

    /**
     * How long the manager waits for the partitions of one step before failing it.
     * Workers that die are detected within a poll interval (their liveness lock goes
     * away), so this only bounds the cases nothing else detects: no worker running at
     * all, or a worker on a machine that vanished without closing its connection.
     */
    private Duration timeout = Duration.ofHours(2);

    /** How often the manager reads partition status from the job repository. */
    private Duration pollInterval = Duration.ofSeconds(2);

    /**
     * How often an idle worker polls the request channel (one DELETE ... RETURNING per
     * poll).
     */
    private Duration workerPollInterval = Duration.ofSeconds(1);

    /**
     * A worker whose partition has not committed a chunk for this long is stalled (a hung
     * database call, a lock that never comes): it releases the partition's lock, so the
     * manager fails that partition within a poll, and reports itself not live, so
     * Kubernetes restarts it. Chunks commit every few seconds; keep this well above the
     * longest.
     */
    private Duration stallTimeout = Duration.ofMinutes(10);

    /**
     * Message group of the request channel in INT_CHANNEL_MESSAGE; manager and workers
     * must agree.
     */
    private String channel = "cape-partition-requests";

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getWorkerPollInterval() {
        return workerPollInterval;
    }

    public void setWorkerPollInterval(Duration interval) {
        this.workerPollInterval = interval;
    }

    public Duration getStallTimeout() {
        return stallTimeout;
    }

    public void setStallTimeout(Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

}

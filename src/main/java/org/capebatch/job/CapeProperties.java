package org.capebatch.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.capebatch.declaration.GroupBy;
import org.capebatch.entry.ImporterType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every {@code cape.*} property of SPEC §1 with its default; the README lists them.
 * Together with {@code RemotePartitioningProperties} this class is the list of valid
 * {@code cape.*} names: {@link KnownProperties} reads it to refuse a misspelt property
 * before anything runs, so a setting read with {@code @Value} must also be a property
 * here (even when only documented by it).
 */
@ConfigurationProperties("cape")
public class CapeProperties {

    private Path outputDir = Path.of("out");

    private Path workDir = Path.of(".cape");

    private final Declarant declarant = new Declarant();

    private final Declaration declaration = new Declaration();

    private final Rules rules = new Rules();

    private final Refund refund = new Refund();

    private final Job job = new Job();

    private final Results results = new Results();

    private final Datasource datasource = new Datasource();

    private final Metrics metrics = new Metrics();

    public Path getOutputDir() {
        return outputDir;
    }

    public void setOutputDir(Path outputDir) {
        this.outputDir = outputDir;
    }

    public Path getWorkDir() {
        return workDir;
    }

    public void setWorkDir(Path workDir) {
        this.workDir = workDir;
    }

    public Declarant getDeclarant() {
        return declarant;
    }

    public Declaration getDeclaration() {
        return declaration;
    }

    public Rules getRules() {
        return rules;
    }

    public Refund getRefund() {
        return refund;
    }

    public Job getJob() {
        return job;
    }

    public Results getResults() {
        return results;
    }

    public Datasource getDatasource() {
        return datasource;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public static class Declarant {

        private Set<String> filerCodes = new LinkedHashSet<>();

        private Set<String> importers = new LinkedHashSet<>();

        public Set<String> getFilerCodes() {
            return filerCodes;
        }

        public void setFilerCodes(Set<String> filerCodes) {
            this.filerCodes = filerCodes;
        }

        public Set<String> getImporters() {
            return importers;
        }

        public void setImporters(Set<String> importers) {
            this.importers = importers;
        }

    }

    public static class Declaration {

        private int maxEntries = 9999;

        private GroupBy groupBy = GroupBy.IMPORTER;

        public int getMaxEntries() {
            return maxEntries;
        }

        /**
         * CBP refuses a declaration of more than 9,999 entries (CAPE-RULES §1), so more
         * is a setup error.
         */
        public void setMaxEntries(int maxEntries) {
            if (maxEntries < 1 || maxEntries > 9999) {
                throw new IllegalArgumentException("cape.declaration.max-entries must be 1..9999, got " + maxEntries);
            }
            this.maxEntries = maxEntries;
        }

        public GroupBy getGroupBy() {
            return groupBy;
        }

        public void setGroupBy(GroupBy groupBy) {
            this.groupBy = groupBy;
        }

    }

    public static class Rules {

        private int liquidationWindowDays = 80;

        private int safetyMarginDays = 3;

        private Set<String> phase3Importers = new LinkedHashSet<>();

        private LocalDate phase3Start = LocalDate.of(2026, 10, 6);

        public int getLiquidationWindowDays() {
            return liquidationWindowDays;
        }

        public void setLiquidationWindowDays(int days) {
            this.liquidationWindowDays = days;
        }

        public int getSafetyMarginDays() {
            return safetyMarginDays;
        }

        public void setSafetyMarginDays(int days) {
            this.safetyMarginDays = days;
        }

        /**
         * Litigants admitted to CAPE phase 3: their finally liquidated entries pass check
         * 10 from phase3-start.
         */
        public Set<String> getPhase3Importers() {
            return phase3Importers;
        }

        public void setPhase3Importers(Set<String> importers) {
            this.phase3Importers = importers;
        }

        public LocalDate getPhase3Start() {
            return phase3Start;
        }

        public void setPhase3Start(LocalDate start) {
            this.phase3Start = start;
        }

    }

    public static class Refund {

        private int liquidationLagDays = 45;

        private ImporterType defaultImporterType = ImporterType.CORPORATE;

        private Path ratesFile;

        public int getLiquidationLagDays() {
            return liquidationLagDays;
        }

        public void setLiquidationLagDays(int days) {
            this.liquidationLagDays = days;
        }

        public ImporterType getDefaultImporterType() {
            return defaultImporterType;
        }

        public void setDefaultImporterType(ImporterType type) {
            this.defaultImporterType = type;
        }

        public Path getRatesFile() {
            return ratesFile;
        }

        public void setRatesFile(Path ratesFile) {
            this.ratesFile = ratesFile;
        }

    }

    /** The answers job (SPEC §6). */
    public static class Results {

        private BigDecimal varianceTolerance = new BigDecimal("1.00");

        /**
         * A paid principal further than this from the estimate (USD) is
         * {@code CHECK_REFUND}.
         */
        public BigDecimal getVarianceTolerance() {
            return varianceTolerance;
        }

        public void setVarianceTolerance(BigDecimal tolerance) {
            this.varianceTolerance = tolerance;
        }

    }

    /** Tuning of the job itself (not part of SPEC §1). */
    public static class Job {

        private int gridSize = Runtime.getRuntime().availableProcessors();

        private int importBatchRows = 2000;

        private int assessChunkSize = 1000;

        private long skipLimit = 100;

        private long minSplitBytes = 32L * 1024 * 1024;

        private Duration progressInterval = Duration.ofSeconds(5);

        private boolean runOnStartup = true;

        private int renderBatchDeclarations = 25;

        public int getGridSize() {
            return gridSize;
        }

        public void setGridSize(int gridSize) {
            if (gridSize < 1) {
                throw new IllegalArgumentException("cape.job.grid-size must be at least 1, got " + gridSize);
            }
            this.gridSize = gridSize;
        }

        public int getImportBatchRows() {
            return importBatchRows;
        }

        public void setImportBatchRows(int rows) {
            this.importBatchRows = rows;
        }

        /** Entries per chunk (commit) of the assess step; an item is one entry. */
        public int getAssessChunkSize() {
            return assessChunkSize;
        }

        public void setAssessChunkSize(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("cape.job.assess-chunk-size must be at least 1, got " + entries);
            }
            this.assessChunkSize = entries;
        }

        /**
         * Entries per run that may be skipped because their assessment threw; one more
         * fails the run.
         */
        public long getSkipLimit() {
            return skipLimit;
        }

        public void setSkipLimit(long entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("cape.job.skip-limit must be at least 0, got " + entries);
            }
            this.skipLimit = entries;
        }

        /**
         * A CSV file is imported by up to grid-size partitions, each at least this many
         * bytes.
         */
        public long getMinSplitBytes() {
            return minSplitBytes;
        }

        public void setMinSplitBytes(long bytes) {
            this.minSplitBytes = bytes;
        }

        /**
         * Read by {@code Progress} through {@code @Value}; here so that it is a known
         * name.
         */
        public Duration getProgressInterval() {
            return progressInterval;
        }

        public void setProgressInterval(Duration interval) {
            this.progressInterval = interval;
        }

        /**
         * Read by the {@code @ConditionalOnProperty} of {@code CapeJobRunner}; here so
         * that it is a known name.
         */
        public boolean isRunOnStartup() {
            return runOnStartup;
        }

        public void setRunOnStartup(boolean runOnStartup) {
            this.runOnStartup = runOnStartup;
        }

        /**
         * Declarations rendered per render commit; their files are forced to disk
         * together.
         */
        public int getRenderBatchDeclarations() {
            return renderBatchDeclarations;
        }

        public void setRenderBatchDeclarations(int declarations) {
            if (declarations < 1) {
                throw new IllegalArgumentException(
                        "cape.job.render-batch-declarations must be at least 1, got " + declarations);
            }
            this.renderBatchDeclarations = declarations;
        }

    }

    /**
     * The embedded job store's pool (read through {@code @Value} before this class is
     * bound).
     */
    public static class Datasource {

        private int poolSize = 8;

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("cape.datasource.pool-size must be at least 1, got " + poolSize);
            }
            this.poolSize = poolSize;
        }

    }

    /**
     * Where the manager pushes the business gauges of a run (job.RunMetricsPusher); off
     * unless enabled.
     */
    public static class Metrics {

        private final Pushgateway pushgateway = new Pushgateway();

        public Pushgateway getPushgateway() {
            return pushgateway;
        }

        public static class Pushgateway {

            private boolean enabled;

            private String address = "localhost:9091";

            private String job = "cape-batch";

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            /** host:port of the Pushgateway. */
            public String getAddress() {
                return address;
            }

            public void setAddress(String address) {
                this.address = address;
            }

            /** The {@code job} label, and the group the run's metrics replace. */
            public String getJob() {
                return job;
            }

            public void setJob(String job) {
                this.job = job;
            }

        }

    }

}

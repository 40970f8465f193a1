package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.capebatch.CapeBatchApplication;
import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryNumber;
import org.capebatch.generate.Es003Generator;
import org.capebatch.refund.RateTable;
import org.capebatch.rules.EligibilityRule;
import org.capebatch.rules.EligibilityRules;
import org.capebatch.rules.EntryAssessor;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.capebatch.rules.RuleContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * An unexpected exception while assessing one entry is a skip, not a swallowed error: the
 * entry is recorded as a DATA_ERROR with its rows in rejected-rows.csv and counted as a
 * skip; past {@code cape.job.skip-limit} the run fails with exit code 1 and the exception
 * named. The exception comes from a check that exists only in this test
 * ({@link ThrowingRule}), added to SPEC §3's checks through a test bean; the production
 * rules are untouched. Its own context (and embedded store), because of that bean.
 */
@SpringBootTest(classes = CapeBatchApplication.class,
        properties = { "cape.job.run-on-startup=false", "cape.work-dir=target/skip-test-store", "cape.job.grid-size=2",
                "cape.job.progress-interval=1h" })
@Import(AssessSkipTest.ThrowingRuleConfiguration.class)
class AssessSkipTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    @Autowired
    ThrowingRule throwingRule;

    @BeforeEach
    void noThrowing() {
        throwingRule.throwFor(entry -> false);
    }

    @Test
    void assess_WhenRuleThrowsForTwoEntries_ThenBothSkippedAndRecordedAsDataErrorWithTheirRows() throws Exception {
        // given: a valid (not DATA_ERROR) eligible entry of two rows and an excluded one
        // of one row
        Path input = fixture("step-counts.csv");
        throwingRule.throwFor(Set.of("XMP00010304", "XMP00010312")::contains);

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var assess = CapeJobStepCountsTest.step(execution, "assessStep");
        assertThat(assess.getReadCount()).isEqualTo(6);
        assertThat(assess.getProcessSkipCount()).isEqualTo(2);
        assertThat(assess.getSkipCount()).isEqualTo(2);
        assertThat(assess.getWriteCount()).isEqualTo(4);
        RunOutput out = new RunOutput(outputDir);
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments).hasSize(6);
        for (String skipped : List.of("XMP00010304", "XMP00010312")) {
            assertThat(assessments.get(skipped)).as(skipped)
                .containsEntry("status", "EXCLUDED")
                .containsEntry("reason", "DATA_ERROR")
                .containsEntry("remedy", "FIX_DATA")
                .containsEntry("declaration", "");
        }
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE");
        String message = "entry could not be assessed: java.lang.IllegalStateException: test rule failed for ";
        assertThat(out.rejected()).filteredOn(r -> r.get("message").startsWith(message))
            .extracting(r -> r.get("line"), r -> r.get("message"))
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("4", message + "XMP00010304"),
                    org.assertj.core.groups.Tuple.tuple("5", message + "XMP00010304"),
                    org.assertj.core.groups.Tuple.tuple("6", message + "XMP00010312"));
        assertThat(out.declarationCsvs()).hasSize(1);
        assertThat(out.manifest().get("counts").get("eligible").asLong()).isEqualTo(1);
    }

    @Test
    void run_WhenRuleThrowsForEveryEntry_ThenFailedWithExitCode1AndExceptionNamed() throws Exception {
        // given: 400 generated entries, so each of the 2 partitions has more than the 100
        // the limit allows
        Path input = tempDir.resolve("es003.csv");
        Es003Generator.write(input, 400, 7L);
        throwingRule.throwFor(entry -> true);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CapeJobRunner runner = runner(stderr);

        // when
        runner.run(new DefaultApplicationArguments("input=" + input, "runDate=" + RUN_DATE));

        // then
        assertThat(runner.getExitCode()).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList()).singleElement()
            .satisfies(line -> assertThat(line)
                .startsWith("cape-batch: run input=" + input + " runDate=" + RUN_DATE
                        + " FAILED in assessStep: more than 100 entries could not be assessed"
                        + " (cape.job.skip-limit=100); the first: entry ")
                .contains("java.lang.IllegalStateException: test rule failed for "));
        JobExecution execution = jobRepository.getLastJobExecution(job.getName(),
                CapeJobRunner.parameters(List.of("input=" + input, "runDate=" + RUN_DATE)));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(CapeJobStepCountsTest.step(execution, "assessStep").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(new RunOutput(outputDir).dir().resolve(RunOutput.MANIFEST)).doesNotExist();
    }

    /** A check that throws for chosen entries, appended after SPEC §3's thirteen. */
    static class ThrowingRule implements EligibilityRule {

        private volatile Predicate<String> throwFor = entry -> false;

        void throwFor(Predicate<String> entries) {
            this.throwFor = entries;
        }

        @Override
        public Reason reason() {
            return Reason.DATA_ERROR;
        }

        @Override
        public boolean fails(Entry entry, RuleContext context) {
            EntryNumber number = entry.number();
            if (throwFor.test(number.value())) {
                throw new IllegalStateException("test rule failed for " + number.value());
            }
            return false;
        }

        @Override
        public Remedy remedy(Entry entry, RuleContext context) {
            return Remedy.NONE;
        }

    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ThrowingRuleConfiguration {

        @Bean
        ThrowingRule throwingRule() {
            return new ThrowingRule();
        }

        @Bean
        @Primary
        @Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
        EntryAssessor throwingEntryAssessor(CapeProperties properties, RateTable rateTable, ThrowingRule rule) {
            List<EligibilityRule> rules = new ArrayList<>(EligibilityRules.inOrder());
            rules.add(rule);
            return AssessStepConfiguration.entryAssessor(properties, rateTable, rules);
        }

    }

}

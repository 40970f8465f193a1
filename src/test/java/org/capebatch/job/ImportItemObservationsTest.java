package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.test.MetaDataInstanceFactory;

import io.micrometer.observation.Observation;

/**
 * Item timers never time the import step's batches; every other observation, and other
 * steps' items, pass.
 */
class ImportItemObservationsTest {

    private final ImportItemObservations predicate = new ImportItemObservations();

    private final Observation.Context context = new Observation.Context();

    @AfterEach
    void closeStep() {
        StepSynchronizationManager.close();
    }

    /** As Spring Batch does on the thread that runs a step. */
    private static void inStep(String stepName) {
        StepSynchronizationManager.register(MetaDataInstanceFactory.createStepExecution(stepName, 7L));
    }

    @Test
    void test_WhenImportPartitionObservesItems_ThenDenied() {
        inStep("importFileStep:file00000.000");

        assertThat(predicate.test("spring.batch.item.read", context)).isFalse();
        assertThat(predicate.test("spring.batch.item.process", context)).isFalse();
        assertThat(predicate.test("spring.batch.chunk.write", context)).isTrue();
        assertThat(predicate.test("spring.batch.step", context)).isTrue();
    }

    @Test
    void test_WhenAssessPartitionOrNoStepObservesItems_ThenAllowed() {
        assertThat(predicate.test("spring.batch.item.read", context)).isTrue();
        inStep("assessPartitionStep:range000");

        assertThat(predicate.test("spring.batch.item.read", context)).isTrue();
        assertThat(predicate.test("spring.batch.item.process", context)).isTrue();
    }

}

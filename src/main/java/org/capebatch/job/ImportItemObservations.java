package org.capebatch.job;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.stereotype.Component;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/**
 * Keeps Spring Batch's per-item timers ({@code spring.batch.item.read},
 * {@code spring.batch.item.process}) off the import step: its item is a batch of rows
 * ({@link ImportRowCounts}), and a timer named for items must not time batches. Its chunk
 * timer and step timer stay. Decided by the step running on the observing thread, which
 * Spring Batch binds for the whole step execution, local or remote.
 */
@Component
public class ImportItemObservations implements ObservationPredicate {

    private static final String ITEM_OBSERVATIONS = "spring.batch.item.";

    private static final String IMPORT_PARTITION = "importFileStep";

    @Override
    public boolean test(String name, Observation.Context context) {
        if (!name.startsWith(ITEM_OBSERVATIONS)) {
            return true;
        }
        StepContext step = StepSynchronizationManager.getContext();
        return step == null || !step.getStepName().startsWith(IMPORT_PARTITION);
    }

}

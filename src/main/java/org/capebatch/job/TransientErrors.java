package org.capebatch.job;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * Which database errors a chunk retries: connection resets, serialization failures and deadlocks (SQLState
 * classes 08 and 40 translate to these). Anything else fails the step, and the run is restarted by hand.
 */
@Component
public class TransientErrors {

    public RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
                .includes(TransientDataAccessException.class, TransientDataAccessResourceException.class,
                        PessimisticLockingFailureException.class)
                .maxRetries(3)
                .delay(Duration.ofMillis(200))
                .multiplier(2)
                .build();
    }
}

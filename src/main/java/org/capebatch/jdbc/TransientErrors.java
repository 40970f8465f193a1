package org.capebatch.jdbc;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * Which database errors a chunk retries: connection failures (SQLState class 08, a pool
 * that cannot connect), serialization failures and deadlocks (class 40). The chunk's
 * transaction rolls back and is redone on a fresh connection; after three tries the step
 * fails and the same command restarts the run later. Errors in the chunk's own data
 * (constraint violations, bad SQL) are not retried.
 */
@Component
public class TransientErrors {

    public RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
            .includes(TransientDataAccessException.class, TransientDataAccessResourceException.class,
                    PessimisticLockingFailureException.class, DataAccessResourceFailureException.class,
                    RecoverableDataAccessException.class)
            .maxRetries(3)
            .delay(Duration.ofMillis(200))
            .multiplier(2)
            .build();
    }

}

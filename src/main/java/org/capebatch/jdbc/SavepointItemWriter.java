package org.capebatch.jdbc;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a writer inside a savepoint of the chunk transaction. Spring Batch 6 retries a
 * failed write inside the same chunk transaction, but PostgreSQL refuses every statement
 * of a transaction after an error; rolling back to the savepoint first is what lets the
 * retry of a serialization failure or deadlock actually run.
 */
public class SavepointItemWriter<T> implements ItemWriter<T> {

    private final ItemWriter<T> delegate;

    private final TransactionTemplate savepoint;

    public SavepointItemWriter(ItemWriter<T> delegate, PlatformTransactionManager transactionManager) {
        this.delegate = delegate;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void write(Chunk<? extends T> chunk) throws Exception {
        Exception[] failure = new Exception[1];
        savepoint.executeWithoutResult(status -> {
            try {
                delegate.write(chunk);
            }
            catch (RuntimeException e) {
                throw e;
            }
            catch (Exception e) {
                failure[0] = e;
                status.setRollbackOnly();
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

}

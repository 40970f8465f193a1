package org.capebatch.job;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The advisory-lock key of a job instance: the first 60 bits of Spring Batch's own job
 * key (an MD5 of the identifying parameters), so the lock and the instance always agree
 * on what "the same run" is.
 */
final class InstanceLock {

    private InstanceLock() {
    }

    static long key(JobParameters parameters) {
        String md5 = new DefaultJobKeyGenerator().generateKey(parameters);
        return Long.parseLong(md5.substring(0, 15), 16);
    }

}

package org.capebatch.job;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A configuration mistake found at startup is reported as such, without a stack trace.
 */
class UsageFailureAnalyzer extends AbstractFailureAnalyzer<UsageException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UsageException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the command or the configuration it reads.", cause);
    }

}

package org.capebatch.rules;

/** SPEC §3: an entry that passes every check is ELIGIBLE, any other is EXCLUDED. */
public enum AssessmentStatus {

    ELIGIBLE, EXCLUDED

}

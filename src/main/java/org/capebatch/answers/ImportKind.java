package org.capebatch.answers;

import java.util.Locale;

/**
 * What an answers import does (SPEC §6.1): {@code results=} applies CBP's results,
 * {@code release=} releases.
 */
public enum ImportKind {

    RESULTS, RELEASE;

    /** The command-line parameter name: {@code results} or {@code release}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

}

package org.capebatch.declaration;

/**
 * How eligible entries are grouped into declarations ({@code cape.declaration.group-by},
 * SPEC §1 and §5).
 */
public enum GroupBy {

    IMPORTER, FILER_CODE, NONE

}

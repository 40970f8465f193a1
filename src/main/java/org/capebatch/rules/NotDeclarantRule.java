package org.capebatch.rules;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 12: only the importer of record or the broker whose filer code filed the
 * entry may declare it (CAPE-RULES §0.4); a mismatch rejects the whole declaration at
 * upload, so it is caught here. With no declarant configured every entry is taken to be
 * ours.
 */
public final class NotDeclarantRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.NOT_DECLARANT;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        RulesConfig config = context.config();
        if (!config.declarantConfigured()) {
            return false;
        }
        boolean ourFilerCode = config.declarantFilerCodes()
            .contains(RulesConfig.normalizeFilerCode(entry.number().filerCode()));
        String importer = entry.facts().importerNumber();
        boolean ourImporter = importer != null
                && config.declarantImporters().contains(RulesConfig.normalizeImporter(importer));
        return !ourFilerCode && !ourImporter;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.OTHER_DECLARANT;
    }

}

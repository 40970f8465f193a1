/**
 * Where entries come from: streaming CSV/XLSX readers and the {@code input=db} source
 * tables, the import step (raw rows in batches, split into per-entry fragments and COPYed
 * into staging) and the assess step's reader of those fragments.
 */
package org.capebatch.source;

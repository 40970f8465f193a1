/**
 * The ES-003 vocabulary of SPEC §2: entry numbers, tariff rows, entries and the value
 * formats brokers' exports use. Plain Java; knows nothing of Spring Batch or the
 * database.
 */
package org.capebatch.entry;

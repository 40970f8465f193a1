/**
 * Synthetic ES-003 data: a seeded, streaming generator for load tests and the bundled
 * sample with one entry per reason of SPEC §3. Test tooling, not part of the job.
 */
package org.capebatch.generate;

/**
 * The assess step (SPEC §2–§4 applied to staged data): reading each staged entry with its
 * rows, assembling and assessing it with the domain rules, and writing one
 * cape_assessment row per entry.
 */
package org.capebatch.assessment;

/**
 * A run's identity, shared by the steps of the declaration job: one value instead of an
 * id and a date string passed through every constructor.
 */
package org.capebatch.run;

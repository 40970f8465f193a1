/**
 * Log output: SSN-format numbers masked in every log line and in the one-line stderr
 * message.
 */
package org.capebatch.logging;

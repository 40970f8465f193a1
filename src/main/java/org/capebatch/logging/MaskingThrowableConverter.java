package org.capebatch.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback {@code %maskedEx}: stack traces with SSN-format numbers masked, since exception
 * messages quote values.
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SensitiveText.mask(super.convert(event));
    }

}

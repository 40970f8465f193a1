package org.capebatch.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback {@code %maskedMsg}: the log message with SSN-format importer numbers masked
 * (job issue: logs mask SSNs).
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SensitiveText.mask(super.convert(event));
    }

}

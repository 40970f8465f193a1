package org.capebatch.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console encoder: the pattern of logback-spring.xml, or, when
 * {@code logging.structured.format.console} is set ({@code ecs}, {@code logstash},
 * {@code gelf}), Spring Boot's structured JSON lines for a log pipeline. A custom
 * logback-spring.xml replaces Boot's own console appender, which is what would otherwise
 * honour that property. Either way the encoded line passes through
 * {@link SensitiveText#mask}, so JSON fields and stack traces are masked like the
 * pattern's message.
 */
public class MaskingConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;

    private String structuredFormat;

    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat;
    }

    @Override
    public void start() {
        if (structuredFormat != null && !structuredFormat.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(structuredFormat.trim());
            structured.setCharset(StandardCharsets.UTF_8);
            delegate = structured;
        }
        else {
            PatternLayoutEncoder patternEncoder = new PatternLayoutEncoder();
            patternEncoder.setPattern(pattern);
            patternEncoder.setCharset(Charset.defaultCharset());
            delegate = patternEncoder;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        Charset charset = delegate instanceof StructuredLogEncoder ? StandardCharsets.UTF_8 : Charset.defaultCharset();
        String line = new String(delegate.encode(event), charset);
        return SensitiveText.mask(line).getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

}

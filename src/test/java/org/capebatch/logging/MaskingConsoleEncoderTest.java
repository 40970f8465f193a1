package org.capebatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 item 9: {@code logging.structured.format.console=ecs} gives one JSON object
 * per line (the custom logback-spring.xml would otherwise ignore it), and SSN-format
 * numbers are masked in JSON as in the pattern.
 */
class MaskingConsoleEncoderTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void encode_WhenStructuredFormatSet_ThenOneMaskedJsonObjectPerLine() {
        String line = encode("ecs", "Importer 123-45-6789 has 3 entries");

        assertThat(line).endsWith("\n").doesNotContain("123-45-6789");
        assertThat(line.strip().lines()).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("Importer ***-**-6789 has 3 entries");
        assertThat(json.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(json.at("/log/logger").asString()).isEqualTo("org.capebatch.job.CapeJobRunner");
        assertThat(json.has("@timestamp")).isTrue();
    }

    @Test
    void encode_WhenNoStructuredFormat_ThenPatternLineMasked() {
        String line = encode("", "Importer 123-45-6789 has 3 entries");

        assertThat(line)
            .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main] CapeJobRunner - Importer \\*\\*\\*-\\*\\*-6789"
                    + " has 3 entries\\n");
    }

    private String encode(String format, String message) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        context.putProperty("structuredFormat", format);
        MaskingConsoleEncoder encoder = new MaskingConsoleEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n");
        encoder.setStructuredFormat(format);
        encoder.start();
        Logger logger = context.getLogger("org.capebatch.job.CapeJobRunner");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null);
        event.setThreadName("main");
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

}

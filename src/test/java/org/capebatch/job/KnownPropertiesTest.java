package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The list of valid {@code cape.*} names cannot fall behind the code: every class bound
 * to a {@code cape} prefix is one of {@link KnownProperties#ROOTS}, and every
 * {@code ${cape.*}} placeholder in the sources names a known property. Otherwise a
 * property added by a later change would be refused as unknown (issue 11 item 1).
 */
class KnownPropertiesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void roots_CoverEveryConfigurationPropertiesClassUnderCape() throws Exception {
        List<String> bound = new ArrayList<>();
        for (Path source : javaSources()) {
            String text = Files.readString(source);
            if (text.contains("@ConfigurationProperties(\"cape")) {
                String className = SOURCES.relativize(source).toString().replace('/', '.').replace(".java", "");
                ConfigurationProperties annotation = Class.forName(className)
                    .getAnnotation(ConfigurationProperties.class);
                if (annotation != null) {
                    bound.add(annotation.value() + " " + className);
                }
            }
        }

        assertThat(bound).isNotEmpty().allSatisfy(entry -> {
            String[] prefixAndClass = entry.split(" ");
            assertThat(KnownProperties.ROOTS).as("KnownProperties.ROOTS").containsKey(prefixAndClass[0]);
            assertThat(KnownProperties.ROOTS.get(prefixAndClass[0]).getName()).isEqualTo(prefixAndClass[1]);
        });
    }

    @Test
    void placeholders_InSourcesNameKnownProperties() throws IOException {
        Pattern placeholder = Pattern.compile("\\$\\{(cape\\.[a-z0-9.\\-]+)");
        List<String> names = new ArrayList<>();
        for (Path source : javaSources()) {
            Matcher matcher = placeholder.matcher(Files.readString(source));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }

        assertThat(names).isNotEmpty()
            .allSatisfy(name -> assertThat(KnownProperties.get().find(name)).as(name).isPresent());
    }

    @Test
    void find_MatchesRelaxedSpellingsAndListElements() {
        assertThat(KnownProperties.get().find("cape.outputDir")).isPresent();
        assertThat(KnownProperties.get().find("cape.output_dir")).isPresent();
        assertThat(KnownProperties.get().find("cape.declarant.filer-codes[2]")).isPresent();
        assertThat(KnownProperties.get().find("cape.output-dirr")).isEmpty();
        assertThat(KnownProperties.get().find("cape.declaration.max-entries").orElseThrow().defaultValue())
            .isEqualTo("9999");
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

}

package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Issue 11 item 1 for what Spring reads: an unknown {@code cape.*} name in a
 * configuration file or system property is refused with the valid names, a bad value from
 * any source (an environment variable too) is refused, and environment variables that
 * only feed placeholders ({@code CAPE_DB_URL}, {@code CAPE_GRID_SIZE}) keep working.
 * Every profile shipped in config/ and the classpath passes, so the check cannot break a
 * deployment.
 */
class PropertyCheckTest {

    private final PropertyCheck check = new PropertyCheck();

    @Test
    void check_WhenEnvironmentHasDatabaseAndPlaceholderVariables_ThenAccepted() {
        StandardEnvironment environment = environment(Map.of("CAPE_DB_URL", "jdbc:postgresql://db/cape", "CAPE_DB_USER",
                "cape", "CAPE_GRID_SIZE", "8", "CAPE_PUSHGATEWAY_ENABLED", "true", "CAPE_OUTPUT_DIR", "/data/out"));

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
            .doesNotThrowAnyException();
    }

    @Test
    void check_WhenEnvironmentVariableOfKnownPropertyHasBadValue_ThenRefusedNamingVariable() {
        StandardEnvironment environment = environment(Map.of("CAPE_DECLARATION_GROUP_BY", "PORT"));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("cape.declaration.group-by (environment variable CAPE_DECLARATION_GROUP_BY)")
            .hasMessageContaining("'PORT'")
            .hasMessageContaining("IMPORTER | FILER_CODE | NONE")
            .hasMessageEndingWith("Fix the command");
    }

    @Test
    void check_WhenSystemPropertyMisspelt_ThenRefusedWithValidNames() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources()
            .addFirst(new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    Map.of("cape.work-dri", "/tmp/x")));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("unknown property cape.work-dri (systemProperties); did you mean cape.work-dir?")
            .hasMessageContaining("valid cape.* properties: cape.datasource.pool-size,");
    }

    static Stream<Path> shippedProfiles() throws IOException {
        Stream<Path> config = Files.list(Path.of("config"));
        Stream<Path> classpath = Files.list(Path.of("src/main/resources"));
        return Stream.concat(config, classpath).filter(p -> p.toString().endsWith(".yml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedProfiles")
    void check_WhenShippedProfileLoaded_ThenEveryCapePropertyIsKnown(Path profile) throws IOException {
        StandardEnvironment environment = environment(Map.of());
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(profile.toString(),
                new FileSystemResource(profile));
        documents.forEach(environment.getPropertySources()::addFirst);

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).as(profile.toString())
            .doesNotThrowAnyException();
        assertThat(documents).isNotEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

}

package org.capebatch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Issue 11 item 6, as the shipped configuration resolves it (classpath application*.yml
 * plus config/, the way the README and k8s/ start each role): a worker keeps a small pool
 * with one idle connection and serves the actuator; the manager and a local run keep
 * their sizing and start no web server.
 */
class WorkerConfigurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // profiles, pool, idle, web
            "'postgres,worker',              5,    1,    servlet",
            "'postgres,worker,kubernetes',   5,    1,    servlet", "'postgres,manager,kubernetes',  20,   20,   none",
            "'postgres',                     20,   20,   none", "'local',                        ,     ,     none" })
    void profiles_ResolveToPoolAndWebServerOfTheirRole(String profiles, Integer pool, Integer idle, String web) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .addFirst(new MapPropertySource("command line", Map.of("spring.config.additional-location",
                    "optional:file:config/", "spring.profiles.active", profiles)));

        ConfigDataEnvironmentPostProcessor.applyTo(environment);

        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class))
            .isEqualTo(pool);
        assertThat(environment.getProperty("spring.datasource.hikari.minimum-idle", Integer.class)).isEqualTo(idle);
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo(web);
        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,prometheus");
    }

}

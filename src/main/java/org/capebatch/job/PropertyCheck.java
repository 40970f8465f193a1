package org.capebatch.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks every {@code cape.*} setting once Spring has read the configuration files,
 * before any bean (so before the embedded PostgreSQL starts): an unknown name in a file,
 * a system property or the command line is refused, and so is an invalid value of a known
 * property from any source. Environment variables are not checked for unknown names:
 * {@code CAPE_DB_URL}, {@code CAPE_GRID_SIZE} and the like feed {@code ${...}}
 * placeholders of config/ and are not job settings. Runs after Boot's config-data
 * post-processor, so every profile file is in place.
 */
public class PropertyCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        KnownProperties known = KnownProperties.get();
        List<String> problems = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names) || isEnvironment(source)) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                if (KnownProperties.isCapeName(name) && known.find(name).isEmpty() && !isGroup(known, name)) {
                    known.problem(name, null, where(source, name)).ifPresent(problems::add);
                }
            }
        }
        for (KnownProperties.Property property : known.all()) {
            String value;
            try {
                value = environment.getProperty(property.name());
            }
            catch (IllegalArgumentException unresolvable) {
                continue; // a ${PLACEHOLDER} without default: Spring reports it where the
                          // value is used
            }
            if (value != null) {
                known.problem(property.name(), value, where(environment, property.name())).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
    }

    /** {@code cape.declarant:} left empty in YAML is a group, not a misspelt property. */
    private static boolean isGroup(KnownProperties known, String name) {
        String prefix = name.replaceAll("\\[[^]]*]", "").toLowerCase() + ".";
        return known.all().stream().anyMatch(p -> p.name().startsWith(prefix));
    }

    private static boolean isEnvironment(PropertySource<?> source) {
        return source instanceof SystemEnvironmentPropertySource
                || StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
    }

    private static String where(ConfigurableEnvironment environment, String name) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.containsProperty(name)) {
                return where(source, name);
            }
        }
        return "environment variable " + name.toUpperCase().replaceAll("[.-]", "_");
    }

    private static String where(PropertySource<?> source, String name) {
        if (source instanceof OriginLookup<?>) {
            @SuppressWarnings("unchecked")
            Origin origin = ((OriginLookup<String>) source).getOrigin(name);
            if (origin != null) {
                return origin.toString();
            }
        }
        if (isEnvironment(source)) {
            return "environment variable " + name.toUpperCase().replaceAll("[.-]", "_");
        }
        return source.getName().equals("commandLineArgs") ? "command line" : source.getName();
    }

}

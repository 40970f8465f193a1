package org.capebatch.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.capebatch.remote.RemotePartitioningProperties;

/**
 * The valid {@code cape.*} property names, with their types and defaults, read by
 * reflection from the classes that Spring binds them to ({@link CapeProperties},
 * {@link RemotePartitioningProperties}). Plain Java on purpose: the command line is
 * checked with it before Spring starts ({@link CommandLine}), and the configuration files
 * and system properties once Spring has read them ({@link PropertyCheck}); {@code --help}
 * prints it.
 *
 * <p>
 * Names are compared the way Spring's relaxed binding matches them ({@code output-dir},
 * {@code outputDir} and {@code output_dir} are one name); list elements
 * ({@code filer-codes[0]}) belong to their list.
 */
public final class KnownProperties {

    /**
     * Every class bound to a {@code cape.*} prefix, with that prefix. A new one must be
     * listed here.
     */
    static final Map<String, Class<?>> ROOTS = Map.of("cape", CapeProperties.class, "cape.remote",
            RemotePartitioningProperties.class);

    private static final Pattern SIMPLE_DURATION = Pattern.compile("^[+-]?\\d+(ns|us|ms|s|m|h|d)?$");

    private static final KnownProperties INSTANCE = new KnownProperties();

    private final Map<String, Property> byKey = new LinkedHashMap<>();

    /**
     * One settable property: its canonical name, the value type, and how to reach its
     * setter on a fresh object.
     */
    public record Property(String name, Class<?> type, Class<?> root, List<Method> path, Method setter,
            String defaultValue) {

        /** Valid values in words, for error messages and {@code --help}. */
        public String validValues() {
            if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(" | "));
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "a whole number";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true | false";
            }
            if (type == Duration.class) {
                return "a duration such as 500ms, 30s, 5m, 2h";
            }
            if (type == BigDecimal.class) {
                return "a decimal number";
            }
            if (type == LocalDate.class) {
                return "a date YYYY-MM-DD";
            }
            if (Collection.class.isAssignableFrom(type)) {
                return "a comma-separated list";
            }
            if (type == Path.class) {
                return "a path";
            }
            return "text";
        }
    }

    private KnownProperties() {
        ROOTS.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(root -> collect(root.getKey(), root.getValue(), root.getValue(), List.of()));
    }

    public static KnownProperties get() {
        return INSTANCE;
    }

    /** All properties, sorted by name. */
    public List<Property> all() {
        return byKey.values().stream().sorted(Comparator.comparing(Property::name)).toList();
    }

    /** The property a (relaxed) name stands for, if it is one. */
    public Optional<Property> find(String name) {
        return Optional.ofNullable(byKey.get(key(stripIndex(name))));
    }

    /** Whether {@code name} is under {@code cape.}, the namespace this class owns. */
    public static boolean isCapeName(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("cape.") || name.toLowerCase(Locale.ROOT).startsWith("cape[");
    }

    /**
     * The problem with {@code name=value}, or empty when it is fine. {@code where} says
     * where it was set (command line, a file); the message names the property, the bad
     * value and the valid values or names.
     */
    public Optional<String> problem(String name, String value, String where) {
        Optional<Property> property = find(name);
        if (property.isEmpty()) {
            return Optional
                .of("unknown property " + name + " (" + where + ")" + suggestion(name) + "; valid cape.* properties: "
                        + all().stream().map(Property::name).collect(Collectors.joining(", ")));
        }
        return checkValue(property.get(), value).map(why -> "property " + property.get().name() + " (" + where
                + ") has the invalid value '" + value + "': " + why);
    }

    private static Optional<String> checkValue(Property property, String value) {
        if (value == null || Collection.class.isAssignableFrom(property.type())) {
            return Optional.empty();
        }
        Object converted;
        try {
            converted = convert(property.type(), value.trim());
        }
        catch (RuntimeException e) {
            return Optional.of("valid values: " + property.validValues());
        }
        if (converted == null) {
            return Optional.empty();
        }
        try {
            // The setter's own checks (ranges) are the rule; run them on a throwaway
            // object.
            Object target = property.root().getDeclaredConstructor().newInstance();
            for (Method getter : property.path()) {
                target = getter.invoke(target);
            }
            property.setter().invoke(target, converted);
            return Optional.empty();
        }
        catch (InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage());
            return Optional.of(message.replaceFirst("^\\S+ must", "must"));
        }
        catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * The value Spring's converters would produce, or an exception where they would fail.
     */
    static Object convert(Class<?> type, String value) {
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw new IllegalArgumentException(value);
        }
        if (type.isEnum()) {
            // Spring's enum conversion ignores case, '-' and '_'.
            String wanted = value.replaceAll("[-_]", "").toUpperCase(Locale.ROOT);
            return Arrays.stream(type.getEnumConstants())
                .filter(c -> ((Enum<?>) c).name().replace("_", "").equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(value));
        }
        if (type == Duration.class) {
            if (SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
                return null;
            }
            return Duration.parse(value);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(value);
        }
        if (type == LocalDate.class) {
            try {
                return LocalDate.parse(value);
            }
            catch (DateTimeParseException e) {
                throw new IllegalArgumentException(value, e);
            }
        }
        if (type == Path.class) {
            return value.isEmpty() ? null : Path.of(value);
        }
        return type == String.class ? value : null;
    }

    private String suggestion(String name) {
        String wanted = key(stripIndex(name));
        return byKey.entrySet()
            .stream()
            .min(Comparator.comparingInt(e -> distance(e.getKey(), wanted)))
            .filter(e -> distance(e.getKey(), wanted) <= Math.max(2, wanted.length() / 6))
            .map(e -> "; did you mean " + e.getValue().name() + "?")
            .orElse("");
    }

    private void collect(String prefix, Class<?> root, Class<?> type, List<Method> path) {
        Object defaults = defaults(root, path);
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == Object.class || method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String beanName = beanName(method.getName());
            if (beanName == null) {
                continue;
            }
            String name = prefix + "." + kebab(beanName);
            Optional<Method> setter = setter(type, beanName, method.getReturnType());
            if (setter.isPresent()) {
                byKey.put(key(name), new Property(name, method.getReturnType(), root, path, setter.get(),
                        defaultValue(defaults, method)));
            }
            else if (isNested(method.getReturnType())) {
                List<Method> deeper = new ArrayList<>(path);
                deeper.add(method);
                collect(name, root, method.getReturnType(), deeper);
            }
        }
    }

    private static boolean isNested(Class<?> type) {
        return !type.isEnum() && type.getName().startsWith("org.capebatch.");
    }

    private static Optional<Method> setter(Class<?> type, String beanName, Class<?> valueType) {
        try {
            return Optional.of(type.getMethod("set" + Character.toUpperCase(beanName.charAt(0)) + beanName.substring(1),
                    valueType));
        }
        catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object defaults(Class<?> root, List<Method> path) {
        try {
            Object target = root.getDeclaredConstructor().newInstance();
            for (Method getter : path) {
                target = getter.invoke(target);
            }
            return target;
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + root.getName() + " for its defaults", e);
        }
    }

    private static String defaultValue(Object defaults, Method getter) {
        try {
            Object value = getter.invoke(defaults);
            if (value instanceof Collection<?> values) {
                return values.isEmpty() ? "(none)"
                        : values.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
            return value == null ? "(unset)" : String.valueOf(value);
        }
        catch (ReflectiveOperationException e) {
            return "?";
        }
    }

    private static String beanName(String method) {
        String rest;
        if (method.startsWith("get") && method.length() > 3) {
            rest = method.substring(3);
        }
        else if (method.startsWith("is") && method.length() > 2) {
            rest = method.substring(2);
        }
        else {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String stripIndex(String name) {
        return name.replaceAll("\\[[^]]*]", "");
    }

    /** Relaxed-binding key: case, '-' and '_' do not matter within a segment. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_]", "");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

}

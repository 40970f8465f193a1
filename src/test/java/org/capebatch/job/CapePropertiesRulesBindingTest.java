package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The properties of the SPEC §1 amendment bind from their documented spellings and
 * default as documented.
 */
class CapePropertiesRulesBindingTest {

    @Test
    void bind_WhenPhase3AndToleranceSet_ThenValuesBound() {
        CapeProperties properties = bind(Map.of("cape.rules.phase3-importers", "12-3456789AB, 98-7654321CD",
                "cape.rules.phase3-start", "2026-11-02", "cape.results.variance-tolerance", "0.50"));

        assertThat(properties.getRules().getPhase3Importers()).containsExactly("12-3456789AB", "98-7654321CD");
        assertThat(properties.getRules().getPhase3Start()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(properties.getResults().getVarianceTolerance()).isEqualByComparingTo("0.50");
    }

    @Test
    void bind_WhenUnset_ThenSpecDefaults() {
        CapeProperties properties = bind(Map.of("cape.output-dir", "out"));

        assertThat(properties.getRules().getPhase3Importers()).isEmpty();
        assertThat(properties.getRules().getPhase3Start()).isEqualTo(LocalDate.of(2026, 10, 6));
        assertThat(properties.getResults().getVarianceTolerance()).isEqualTo(new BigDecimal("1.00"));
    }

    private static CapeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
            .bind("cape", Bindable.ofInstance(new CapeProperties()))
            .get();
    }

}
